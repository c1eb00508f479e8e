import "server-only";
import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { activeBookingStatuses, bookings, dayOverrides, timeOff, weeklyHours } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { dayRangesSchema, minutesOfDay, weekdays, weeklyHoursSchema, type Weekday } from "@/lib/practice/practice-schema";
import { confirmedByVisitor } from "./hold";
import { loadAvailabilityRules, loadBusyRanges } from "./availability";
import { formatTime } from "./format";
import { findSessionType } from "./session-types";
import { type AvailabilityRules, bookingsOutsideHours, expandSlots, groupSlotsByDay } from "./slots";
import type { Therapist } from "@/lib/auth/guards";
import { done, refused, refusedInput, type Outcome, type RefusedInput } from "@/lib/forms/outcome";
import { addDays, dayBounds, dayInZone, isIsoDay, minutesToClock } from "./time";
import { DAY } from "@/lib/time";

type ClockRange = { start: string; end: string };

const isoDay = z.string().refine(isIsoDay, "Use a date such as 2026-12-24.");

export const timeOffInputSchema = z
  .strictObject({
    startsOn: isoDay,
    endsOn: isoDay,
    note: z.string().trim().max(200, "Please keep the note under 200 characters.").optional().transform((value) => value || null),
  })
  .refine((input) => input.startsOn <= input.endsOn, { path: ["endsOn"], message: "The last day off cannot come before the first." });

export const dayOverrideInputSchema = z.strictObject({ day: isoDay, ranges: dayRangesSchema });

export type WeeklyHoursInput = z.input<typeof weeklyHoursSchema>;
export type TimeOffInput = z.input<typeof timeOffInputSchema>;
export type DayOverrideInput = z.input<typeof dayOverrideInputSchema>;

/** Bookings that a saved change left outside the open hours, for the editor to point out. */
export type StrandedBooking = { id: string; startsAt: Date; endsAt: Date; status: string };

export type AvailabilityEditOutcome = Outcome<{ stranded: StrandedBooking[] }, "not-found"> | RefusedInput;

const alreadyRemoved = () => refused("not-found", "That was already removed.");

const toMinutes = (ranges: ClockRange[]) => ranges.map((range) => ({ startMinute: minutesOfDay(range.start), endMinute: minutesOfDay(range.end) }));
const toClock = (ranges: { startMinute: number; endMinute: number }[]) =>
  ranges.map((range) => ({ start: minutesToClock(range.startMinute), end: minutesToClock(range.endMinute) }));

async function readAvailability() {
  const db = await getDb();
  const rules = await loadAvailabilityRules();
  const [off, overrides] = await Promise.all([
    db.select().from(timeOff).orderBy(asc(timeOff.startsOn)),
    db.select().from(dayOverrides).orderBy(asc(dayOverrides.day)),
  ]);
  const weekly = Object.fromEntries(
    weekdays.map((day, index) => [day, toClock(rules.weekly.filter((range) => range.weekday === index + 1))]),
  ) as Record<Weekday, ClockRange[]>;
  return {
    timeZone: practice.timeZone,
    weeklyHours: weekly,
    timeOff: off.map((row) => ({ id: row.id, startsOn: row.startsOn, endsOn: row.endsOn, note: row.note })),
    overrides: overrides.map((row) => ({ day: row.day, ranges: toClock(row.ranges) })),
  };
}

/** Availability as the editor shows it: clock times in the practice's zone. */
// The type asks for the guard's proof; nothing of her is read.
export const getAvailability: (therapist: Therapist) => ReturnType<typeof readAvailability> = readAvailability;

async function strandedBookings(now: Date): Promise<StrandedBooking[]> {
  const db = await getDb();
  const [rules, upcoming] = await Promise.all([
    loadAvailabilityRules(),
    db
      .select({ id: bookings.id, startsAt: bookings.startsAt, endsAt: bookings.endsAt, status: bookings.status })
      .from(bookings)
      .where(and(inArray(bookings.status, [...activeBookingStatuses]), confirmedByVisitor, gte(bookings.startsAt, now)))
      .orderBy(asc(bookings.startsAt)),
  ]);
  return bookingsOutsideHours(rules, upcoming, practice.timeZone);
}

/** Replaces the usual week. */
export async function saveWeeklyHours(therapist: Therapist, input: WeeklyHoursInput, { now = new Date() } = {}): Promise<AvailabilityEditOutcome> {
  const parsed = weeklyHoursSchema.safeParse(input);
  if (!parsed.success) return refusedInput(parsed.error);
  const rows = weekdays.flatMap((day, index) => toMinutes(parsed.data[day]).map((range) => ({ weekday: index + 1, ...range })));
  const db = await getDb();
  await loadAvailabilityRules();
  await db.transaction(async (tx) => {
    await tx.delete(weeklyHours);
    if (rows.length > 0) await tx.insert(weeklyHours).values(rows);
  });
  return done({ stranded: await strandedBookings(now) });
}

/** Adds whole days off. Existing bookings in them stay; they are listed so the therapist can cancel them. */
export async function addTimeOff(therapist: Therapist, input: TimeOffInput, { now = new Date() } = {}): Promise<AvailabilityEditOutcome> {
  const parsed = timeOffInputSchema.safeParse(input);
  if (!parsed.success) return refusedInput(parsed.error);
  const db = await getDb();
  await db.insert(timeOff).values(parsed.data);
  return done({ stranded: await strandedBookings(now) });
}

export async function removeTimeOff(therapist: Therapist, id: string): Promise<AvailabilityEditOutcome> {
  if (!z.uuid().safeParse(id).success) return alreadyRemoved();
  const db = await getDb();
  const removed = await db.delete(timeOff).where(eq(timeOff.id, id)).returning({ id: timeOff.id });
  return removed.length > 0 ? done({ stranded: [] }) : alreadyRemoved();
}

/** Sets one day's hours instead of the usual week's; no ranges closes the day. */
export async function saveDayOverride(therapist: Therapist, input: DayOverrideInput, { now = new Date() } = {}): Promise<AvailabilityEditOutcome> {
  const parsed = dayOverrideInputSchema.safeParse(input);
  if (!parsed.success) return refusedInput(parsed.error);
  const ranges = toMinutes(parsed.data.ranges).sort((a, b) => a.startMinute - b.startMinute);
  const db = await getDb();
  await db.insert(dayOverrides).values({ day: parsed.data.day, ranges }).onConflictDoUpdate({ target: dayOverrides.day, set: { ranges } });
  return done({ stranded: await strandedBookings(now) });
}

export async function removeDayOverride(therapist: Therapist, day: string): Promise<AvailabilityEditOutcome> {
  if (!isIsoDay(day)) return alreadyRemoved();
  const db = await getDb();
  const removed = await db.delete(dayOverrides).where(eq(dayOverrides.day, day)).returning({ day: dayOverrides.day });
  return removed.length > 0 ? done({ stranded: [] }) : alreadyRemoved();
}

export const previewInputSchema = z.strictObject({
  sessionType: z.string(),
  days: z.number().int().min(1).max(60).default(14),
  draft: z
    .strictObject({
      weeklyHours: weeklyHoursSchema.optional(),
      timeOff: z.array(timeOffInputSchema).optional(),
      overrides: z.array(dayOverrideInputSchema).optional(),
    })
    .optional(),
});

/**
 * The free times a session type would offer over the next `days` days, with
 * the stored rules or a draft of them (unsaved edits replace the stored part
 * they cover), minus what is booked. Times are in the practice's zone.
 */
export async function previewFreeTimes(therapist: Therapist, input: z.input<typeof previewInputSchema>, { now = new Date() } = {}) {
  const parsed = previewInputSchema.safeParse(input);
  if (!parsed.success) return refusedInput(parsed.error);
  const sessionType = findSessionType(parsed.data.sessionType);
  if (!sessionType) return refusedInput({ sessionType: ["There is no such session type."] });
  const stored = await loadAvailabilityRules();
  const draft = parsed.data.draft;
  const rules: AvailabilityRules = {
    weekly: draft?.weeklyHours
      ? weekdays.flatMap((day, index) => toMinutes(draft.weeklyHours![day]).map((range) => ({ weekday: index + 1, ...range })))
      : stored.weekly,
    timeOff: draft?.timeOff ? draft.timeOff.map(({ startsOn, endsOn }) => ({ startsOn, endsOn })) : stored.timeOff,
    overrides: draft?.overrides ? draft.overrides.map(({ day, ranges }) => ({ day, ranges: toMinutes(ranges) })) : stored.overrides,
  };
  const until = dayBounds(addDays(dayInZone(now, practice.timeZone), parsed.data.days), practice.timeZone).start;
  const busy = await loadBusyRanges(new Date(now.getTime() - DAY), new Date(until.getTime() + 2 * DAY));
  const slots = expandSlots({ rules, sessionType, busy, now, timeZone: practice.timeZone, until });
  return done({
    timeZone: practice.timeZone,
    days: groupSlotsByDay(slots, practice.timeZone).map(({ day, slots: daySlots }) => ({
      day,
      times: daySlots.map((slot) => ({ startsAt: slot.startsAt, label: formatTime(slot.startsAt, practice.timeZone) })),
    })),
  });
}
