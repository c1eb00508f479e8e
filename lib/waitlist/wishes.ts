import { DateTime } from "luxon";

/*
 * Her wishes, as stored: the days of the week and the parts of the day as
 * bits, read in her own zone (a Tuesday morning is hers, not the practice's).
 * Days count from Sunday = bit 0, as PostgreSQL's `extract(dow …)` does, so
 * the line can be matched in SQL (lib/waitlist/line.ts) and here alike.
 */

export const waitlistDays = [
  ["sunday", "Sunday"],
  ["monday", "Monday"],
  ["tuesday", "Tuesday"],
  ["wednesday", "Wednesday"],
  ["thursday", "Thursday"],
  ["friday", "Friday"],
  ["saturday", "Saturday"],
] as const;
export type WaitlistDay = (typeof waitlistDays)[number][0];

/** Morning until noon, afternoon until five, evening after: by the start of the session, in her zone. */
export const dayParts = [
  ["morning", "Mornings (before noon)"],
  ["afternoon", "Afternoons (noon to 5 pm)"],
  ["evening", "Evenings (after 5 pm)"],
] as const;
export type DayPart = (typeof dayParts)[number][0];

export const NOON_HOUR = 12;
export const EVENING_HOUR = 17;

export function daysMask(days: readonly WaitlistDay[]): number {
  return waitlistDays.reduce((mask, [day], bit) => (days.includes(day) ? mask | (1 << bit) : mask), 0);
}

export function partsMask(parts: readonly DayPart[]): number {
  return dayParts.reduce((mask, [part], bit) => (parts.includes(part) ? mask | (1 << bit) : mask), 0);
}

export function daysOf(mask: number): string[] {
  return waitlistDays.filter((_, bit) => (mask & (1 << bit)) !== 0).map(([, label]) => label);
}

export function partsOf(mask: number): string[] {
  return dayParts.filter((_, bit) => (mask & (1 << bit)) !== 0).map(([, label]) => label);
}

export function partBitOf(hour: number): number {
  return hour < NOON_HOUR ? 1 : hour < EVENING_HOUR ? 2 : 4;
}

export type Wishes = { days: number; parts: number; earliest: string; latest: string | null; timeZone: string };

/** Whether a start fits her wishes; the same rule as the SQL in lib/waitlist/line.ts. */
export function fitsWishes(wishes: Wishes, startsAt: Date): boolean {
  const local = DateTime.fromJSDate(startsAt, { zone: wishes.timeZone });
  const dow = local.weekday % 7;
  const day = local.toISODate()!;
  return (wishes.days & (1 << dow)) !== 0 && (wishes.parts & partBitOf(local.hour)) !== 0 && day >= wishes.earliest && (wishes.latest === null || day <= wishes.latest);
}
