"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

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
