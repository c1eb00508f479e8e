import { DateTime } from "luxon";
import { DAY, HOUR } from "@/lib/time";

/**
 * Wall-clock time in a named zone, to and from instants. Luxon rather than
 * hand-rolled offsets: it reads the IANA rules through Intl, so the practice's
 * zone and any visitor's (London's other DST dates, Adelaide's half hour) come
 * right without a table of our own, and its answers on the days clocks change
 * are documented and checkable (see the gap handling below). A Temporal
 * polyfill would do as well but weighs several times more; @date-fns/tz would
 * need date-fns's calendar arithmetic around it.
 */

export const MINUTES_PER_DAY = 24 * 60;

export { isTimeZone } from "@/lib/practice/practice-schema";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value) && DateTime.fromISO(value, { zone: "UTC" }).isValid;
}

/**
 * The instant at which the clocks in `zone` show `minute` minutes after
 * midnight on `day` (YYYY-MM-DD). Null when that time does not exist there
 * (the hour skipped when clocks go forward). When it happens twice (clocks
 * going back), the first.
 */
export function localTimeToInstant(day: string, minute: number, zone: string): Date | null {
  const base = DateTime.fromISO(day, { zone: "UTC" });
  const date = minute >= MINUTES_PER_DAY ? base.plus({ days: Math.floor(minute / MINUTES_PER_DAY) }) : base;
  const wall = minute % MINUTES_PER_DAY;
  const hour = Math.floor(wall / 60);
  const min = wall % 60;
  const local = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute: min }, { zone });
  if (!local.isValid) return null;
  // Luxon moves a time inside a gap forward; a slot there would be mislabelled, so it does not exist.
  if (local.hour !== hour || local.minute !== min) return null;
  // For a time that occurs twice, take the earlier offset: Luxon may pick either.
  const earlier = local.minus({ hours: 1 });
  if (earlier.hour === hour && earlier.minute === min && earlier.day === local.day) return earlier.toJSDate();
  return local.toJSDate();
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms, read straight from Intl (one call, no allocation of a DateTime). */
function zoneOffsetMs(zone: string, instant: number): number {
  let formatter = offsetFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormatters.set(zone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * A converter for one day's wall-clock minutes, fast on the 363-odd days a
 * year when the zone's offset does not change: then every minute of the day
 * is UTC midnight plus that many minutes, less one offset. A local day lies
 * within 14 hours before and 38 hours after its UTC midnight in every zone,
 * and clocks never change twice in two days, so equal offsets at both ends
 * mean a steady day. On a day the clocks change, every minute goes through
 * Luxon (localTimeToInstant) and its gap and overlap rules.
 */
export function wallClockOf(day: string, zone: string): (minute: number) => Date | null {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const before = zoneOffsetMs(zone, utcMidnight - 14 * HOUR);
  const after = zoneOffsetMs(zone, utcMidnight + 38 * HOUR);
  if (before !== after) return (minute) => localTimeToInstant(day, minute, zone);
  return (minute) => new Date(utcMidnight + minute * 60_000 - before);
}

/** The calendar day (YYYY-MM-DD) of an instant as seen in `zone`. */
export function dayInZone(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

// Calendar-day arithmetic needs no zone: plain UTC dates, which are also much
// cheaper than building a DateTime for each of a horizon's days.

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar day. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** The day `n` days after `day`, both YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** The instants where `day` begins and ends in `zone` (23 or 25 hours apart on the days clocks change). */
export function dayBounds(day: string, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(day, { zone }).startOf("day");
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

export function minutesToClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function clockToMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}
