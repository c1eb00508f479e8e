"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";

/**
 * With JavaScript, shows times in the visitor's own zone from the start: if
 * the address names no zone yet, it adds the browser's (?tz=…) and the page
 * re-renders. Without JavaScript the page names the zone it uses and offers
 * the select, so nothing depends on this.
 */
export function TimeZoneDetector() {
  const router = useRouter();
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.has("tz")) return;
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!detected) return;
    url.searchParams.set("tz", detected);
    router.replace(`${url.pathname}${url.search}${url.hash}` as Route, { scroll: false });
  }, [router]);
  return null;
}

const subscribeNever = () => () => {};
const detectedZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const noZoneOnServer = () => null;

/**
 * The visitor's own zone as a one-press choice, beside the practice's, once
 * she has chosen another. Only the browser knows it, so without JavaScript
 * (and in the server's render) there is no such button, only the list.
 */
export function DetectedZoneButton({ current }: { current: string }) {
  const zone = useSyncExternalStore(subscribeNever, detectedZone, noZoneOnServer);
  if (!zone || zone === current) return null;
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longGeneric" }).formatToParts(new Date()).find((part) => part.type === "timeZoneName")
      ?.value ?? zone.replaceAll("_", " ");
  return (
    <button type="submit" name="tz" value={zone} className="button button-secondary button-small">
      {name} (this device)
    </button>
  );
}
