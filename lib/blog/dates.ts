/** A calendar date as posts write it: YYYY-MM-DD. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD string that names a real day (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The wall-clock time that `instant` shows in `timeZone`, read as if it were UTC. */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/**
 * The instant a calendar date begins in a time zone. A post dated 2026-09-01
 * goes live at midnight in the practice's own zone, not at midnight UTC (which
 * is the afternoon before in Portland).
 */
export function startOfDayIn(date: string, timeZone: string): Date {
  const match = ISO_DATE.exec(date);
  if (!match || !isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const target = Date.UTC(year, month - 1, day);
  // The zone's offset can differ between the guess and the answer on a day the
  // clocks change, so measure it twice.
  let instant = target - (wallClockAsUtc(target, timeZone) - target);
  instant = target - (wallClockAsUtc(instant, timeZone) - instant);
  // Where the clocks jump over midnight (a few zones do), the day starts at
  // the first instant that exists, which is the one just found or later.
  if (wallClockAsUtc(instant, timeZone) < target) instant += target - wallClockAsUtc(instant, timeZone);
  return new Date(instant);
}

/** "September 1, 2026" in the practice's locale; the date names a day, so no zone shifts it. */
export function formatCalendarDate(date: string, locale: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}
