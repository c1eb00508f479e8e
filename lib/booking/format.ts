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

/**
 * The zone a visitor typed in "another zone": its identifier in any case,
 * with spaces for underscores ("america/new york"), or only the city
 * ("Adelaide"), as the list shows them.
 */
export function findTimeZone(typed: string): string | undefined {
  const wanted = typed.trim().replaceAll(" ", "_").toLowerCase();
  if (!wanted) return undefined;
  const zones = allTimeZones();
  return zones.find((zone) => zone.toLowerCase() === wanted) ?? zones.find((zone) => zone.toLowerCase().endsWith(`/${wanted}`));
}

/** "50 minutes", "1 hour 15 minutes": a length as people say it. */
export function formatLength(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [hours ? `${hours} ${hours === 1 ? "hour" : "hours"}` : "", rest || !hours ? `${rest} ${rest === 1 ? "minute" : "minutes"}` : ""];
  return parts.filter(Boolean).join(" ");
}

/**
 * "Tuesday, December 8, 2026, 10:00–10:50 AM Pacific Time (50 minutes)": an
 * appointment's start, end and length in one line, so nobody has to add a
 * duration to a start time in their head. The meridiem is said once when both
 * ends share it.
 */
export function formatAppointment(startsAt: Date, endsAt: Date, zone: string): string {
  const day = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, weekday: "long", month: "long", day: "numeric", year: "numeric" }).format(startsAt);
  const range = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, hour: "numeric", minute: "2-digit" }).formatRange(startsAt, endsAt);
  const name =
    new Intl.DateTimeFormat(LOCALE, { timeZone: zone, timeZoneName: "longGeneric" })
      .formatToParts(startsAt)
      .find((part) => part.type === "timeZoneName")?.value ?? zone.replaceAll("_", " ");
  const minutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
  return `${day}, ${range} ${name} (${formatLength(minutes)})`;
}

/** "Thu 24 Dec": a calendar day (YYYY-MM-DD) short enough for a week's column or a list of days off. */
export function formatShortDay(day: string): string {
  const date = DateTime.fromISO(day, { zone: "UTC" });
  return `${date.setLocale(LOCALE).toFormat("ccc")} ${date.day} ${date.setLocale(LOCALE).toFormat("LLL")}`;
}

/** "Thu 24 Dec – Fri 1 Jan", or one day alone; the year only when it is not `thisYear`. */
export function formatDayRange(first: string, last: string, { thisYear }: { thisYear?: number } = {}): string {
  const withYear = (day: string) => (thisYear !== undefined && Number(day.slice(0, 4)) !== thisYear ? `${formatShortDay(day)} ${day.slice(0, 4)}` : formatShortDay(day));
  return first === last ? withYear(first) : `${withYear(first)} – ${withYear(last)}`;
}

/** "9:00 AM" for minutes after midnight on the wall clock. */
export function formatClock(minute: number): string {
  const hours = Math.floor(minute / 60) % 24;
  const minutes = String(minute % 60).padStart(2, "0");
  if (minute === 24 * 60) return "midnight";
  return `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? "AM" : "PM"}`;
}

/** "10:00 – 10:50 AM": two instants of one day as the clocks in `zone` show them, the meridiem said once when shared. */
export function formatTimeRange(startsAt: Date, endsAt: Date, zone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone: zone, hour: "numeric", minute: "2-digit" }).formatRange(startsAt, endsAt);
}
