import { DateTime } from "luxon";

/**
 * How times read on the page and in emails: always in a named zone, with the
 * zone said out loud. Pure, so pages, emails and tests format alike.
 */

const LOCALE = "en-US";

/** "Tuesday, March 10" for a calendar day (YYYY-MM-DD). */
export function formatDay(day: string, { withYear = false } = {}): string {
  return DateTime.fromISO(day, { zone: "UTC" })
    .setLocale(LOCALE)
    .toLocaleString({ weekday: "long", month: "long", day: "numeric", ...(withYear ? { year: "numeric" } : {}) });
}

/** "9:30 AM" as the clocks show it in `zone`. */
export function formatTime(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone: zone, hour: "numeric", minute: "2-digit" }).format(instant);
}

/** "Tuesday, March 10, 2026 at 9:30 AM" as seen in `zone`. */
export function formatDateTime(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    timeZone: zone,
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(instant);
}

/** "Pacific Time (America/Los Angeles)": the zone's everyday name and its identifier. */
export function zoneLabel(zone: string, at = new Date()): string {
  const generic = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, timeZoneName: "longGeneric" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const readable = zone.replaceAll("_", " ");
  return generic && generic !== zone ? `${generic} (${readable})` : readable;
}

/** "GMT+5:30", the zone's offset at that moment. */
export function zoneOffset(zone: string, at = new Date()): string {
  return (
    new Intl.DateTimeFormat(LOCALE, { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(at).find((part) => part.type === "timeZoneName")
      ?.value ?? ""
  );
}

/** Every zone this runtime knows, for the "show times in" select. */
export function allTimeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
