import "server-only";
import { and, asc, gt, inArray, lt } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { stillHeld } from "./hold";
import { activeBookingStatuses, bookingSettings, bookings, dayOverrides, timeOff, weeklyHours } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { minutesOfDay, weekdays } from "@/lib/practice/practice-schema";
import { loadCalendarBusy } from "./busy-calendars/busy-calendars";
import { type AvailabilityRules, type BusyRange, type Slot, expandSlots } from "./slots";
import type { SessionType } from "./session-types";
import { DAY, HOUR } from "@/lib/time";

type Executor = Awaited<ReturnType<typeof getDb>> | Transaction;

/** content/practice.ts's usual week as rows: ISO weekday and minutes from midnight. */
export function configuredWeeklyHours(): AvailabilityRules["weekly"] {
  return weekdays.flatMap((day, index) =>
    practice.booking.weeklyHours[day].map((range) => ({ weekday: index + 1, startMinute: minutesOfDay(range.start), endMinute: minutesOfDay(range.end) })),
  );
}

/**
 * Copies the configured week into the database the first time availability
 * is needed (or by `npm run db:seed`). The settings row records that it
 * happened, so a therapist who later clears a day keeps it cleared; the
 * insert of that row is the lock, so two first requests seed once.
 */
export async function ensureAvailabilitySeeded(db?: Executor): Promise<boolean> {
  const executor = db ?? (await getDb());
  const seeded = await executor.select({ id: bookingSettings.id }).from(bookingSettings).limit(1);
  if (seeded.length > 0) return false;
  return executor.transaction(async (tx) => {
    const [claimed] = await tx.insert(bookingSettings).values({ id: 1 }).onConflictDoNothing().returning({ id: bookingSettings.id });
    if (!claimed) return false;
    const rows = configuredWeeklyHours();
    if (rows.length > 0) await tx.insert(weeklyHours).values(rows);
    return true;
  });
}

export async function loadAvailabilityRules(db?: Executor): Promise<AvailabilityRules> {
  const executor = db ?? (await getDb());
  await ensureAvailabilitySeeded(executor);
  const [weekly, off, overrides] = await Promise.all([
    executor.select().from(weeklyHours).orderBy(asc(weeklyHours.weekday), asc(weeklyHours.startMinute)),
    executor.select().from(timeOff).orderBy(asc(timeOff.startsOn)),
    executor.select().from(dayOverrides).orderBy(asc(dayOverrides.day)),
  ]);
  return {
    weekly: weekly.map(({ weekday, startMinute, endMinute }) => ({ weekday, startMinute, endMinute })),
    timeOff: off.map(({ startsOn, endsOn }) => ({ startsOn, endsOn })),
    overrides: overrides.map(({ day, ranges }) => ({ day, ranges })),
  };
}

/**
/**
 * Time held between two instants: by active bookings, buffers included (a
 * hold nobody confirmed in time holds nothing; `except` leaves one booking
 * out, for a reschedule), and by the busy times of her own calendars, which a
 * new session's buffers must also clear.
 */
export async function loadBusyRanges(
  from: Date,
  until: Date,
  { except, db, now = new Date() }: { except?: string; db?: Executor; now?: Date } = {},
): Promise<BusyRange[]> {
  const executor = db ?? (await getDb());
  const [rows, calendarBusy] = await Promise.all([
    executor
      .select({ id: bookings.id, from: bookings.blockedFrom, until: bookings.blockedUntil })
      .from(bookings)
      .where(and(inArray(bookings.status, [...activeBookingStatuses]), stillHeld(now), lt(bookings.blockedFrom, until), gt(bookings.blockedUntil, from))),
    loadCalendarBusy(from, until, executor),
  ]);
  return [...rows.filter((row) => row.id !== except).map(({ from: start, until: end }) => ({ from: start, until: end })), ...calendarBusy];
}

/**
 * The free times of a session type as the database stands now. `from` and
 * `until` narrow the search (one day, or around a taken time); the minimum
 * notice and the horizon always apply.
 */
export async function findFreeSlots(
  sessionType: SessionType,
  { now = new Date(), from, until, except }: { now?: Date; from?: Date; until?: Date; except?: string } = {},
): Promise<Slot[]> {
  const rules = await loadAvailabilityRules();
  const windowFrom = from ?? new Date(now.getTime() + sessionType.minimumNoticeHours * HOUR);
  const windowUntil = until ?? new Date(now.getTime() + sessionType.horizonDays * DAY);
  // Bookings a buffer's length outside the window can still block its edges.
  const margin = (sessionType.bufferBeforeMinutes + sessionType.bufferAfterMinutes + sessionType.durationMinutes) * 60_000 + DAY;
  const busy = await loadBusyRanges(new Date(windowFrom.getTime() - margin), new Date(windowUntil.getTime() + margin), { except, now });
  return expandSlots({ rules, sessionType, busy, now, timeZone: practice.timeZone, from, until });
}

/** Whether `startsAt` is exactly one of the type's free start times right now. */
export async function isFreeSlot(sessionType: SessionType, startsAt: Date, options: { now?: Date; except?: string } = {}): Promise<boolean> {
  const slots = await findFreeSlots(sessionType, { ...options, from: startsAt, until: new Date(startsAt.getTime() + 1) });
  return slots.some((slot) => slot.startsAt.getTime() === startsAt.getTime());
}
