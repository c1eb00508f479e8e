import { addDays, dayInZone, localTimeToInstant, wallClockOf, weekdayOf } from "./time";
import { DAY, HOUR, MINUTE } from "@/lib/time";

export type MinuteRange = { startMinute: number; endMinute: number };

/** The practice's availability as stored: all wall-clock, in the practice's zone. */
export type AvailabilityRules = {
  weekly: ({ weekday: number } & MinuteRange)[];
  timeOff: { startsOn: string; endsOn: string }[];
  overrides: { day: string; ranges: MinuteRange[] }[];
};

export type SlotRule = {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  startEveryMinutes: number;
  minimumNoticeHours: number;
  horizonDays: number;
};

/** Time an active booking holds, buffers included, half-open. */
export type BusyRange = { from: Date; until: Date };

export type Slot = { startsAt: Date; endsAt: Date };

/**
 * The ranges open on one day of the practice's calendar. Time off wins over a
 * one-day override: a therapist away for a week should not be booked because
 * of an override she set before planning the leave.
 */
export function rangesOnDay(rules: AvailabilityRules, day: string): MinuteRange[] {
  if (rules.timeOff.some((off) => off.startsOn <= day && day <= off.endsOn)) return [];
  const override = rules.overrides.find((candidate) => candidate.day === day);
  if (override) return [...override.ranges].sort((a, b) => a.startMinute - b.startMinute);
  const weekday = weekdayOf(day);
  return rules.weekly.filter((range) => range.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
}

/** The time a booking starting at `startsAt` would hold, buffers included. */
export function heldRange(rule: Pick<SlotRule, "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes">, startsAt: Date) {
  const endsAt = new Date(startsAt.getTime() + rule.durationMinutes * MINUTE);
  return {
    startsAt,
    endsAt,
    blockedFrom: new Date(startsAt.getTime() - rule.bufferBeforeMinutes * MINUTE),
    blockedUntil: new Date(endsAt.getTime() + rule.bufferAfterMinutes * MINUTE),
  };
}

export type ExpandOptions = {
  rules: AvailabilityRules;
  sessionType: SlotRule;
  /** Active bookings (requested or confirmed), any order. */
  busy: BusyRange[];
  now: Date;
  timeZone: string;
  /** Only slots starting in [from, until); the notice and horizon still apply. */
  from?: Date;
  until?: Date;
};

/**
 * The free start times of a session type, as UTC instants, in order. A slot
 * is offered when the session itself lies inside one of the day's ranges,
 * starts on the type's grid from the range's start, respects the minimum
 * notice and the horizon, and its time with buffers overlaps no active
 * booking's time with buffers: exactly what the database's exclusion
 * constraint will accept.
 */
export function expandSlots({ rules, sessionType, busy, now, timeZone, from, until }: ExpandOptions): Slot[] {
  const earliest = Math.max(now.getTime() + sessionType.minimumNoticeHours * HOUR, from?.getTime() ?? -Infinity);
  const latest = Math.min(now.getTime() + sessionType.horizonDays * DAY, until?.getTime() ?? Infinity);
  if (earliest >= latest) return [];

  const held = mergeRanges(busy);
  const step = Math.max(1, sessionType.startEveryMinutes);
  const duration = sessionType.durationMinutes * MINUTE;
  const before = sessionType.bufferBeforeMinutes * MINUTE;
  const after = sessionType.bufferAfterMinutes * MINUTE;

  const slots: Slot[] = [];
  // A day of the practice's calendar can start up to 14 hours either side of
  // the UTC day, so one day of margin each side catches every range.
  const lastDay = addDays(dayInZone(new Date(latest), timeZone), 1);
  for (let day = addDays(dayInZone(new Date(earliest), timeZone), -1); day <= lastDay; day = addDays(day, 1)) {
    const ranges = rangesOnDay(rules, day);
    if (ranges.length === 0) continue;
    const wallClock = wallClockOf(day, timeZone);
    for (const range of ranges) {
      // A range ending inside a skipped hour ends when the clocks resume.
      const rangeEnd = wallClock(range.endMinute) ?? wallClock(range.endMinute + 60);
      if (!rangeEnd) continue;
      for (let minute = range.startMinute; minute < range.endMinute; minute += step) {
        const start = wallClock(minute);
        if (!start) continue;
        const startMs = start.getTime();
        if (startMs + duration > rangeEnd.getTime()) break;
        if (startMs < earliest || startMs >= latest) continue;
        if (overlapsHeld(held, startMs - before, startMs + duration + after)) continue;
        slots.push({ startsAt: start, endsAt: new Date(startMs + duration) });
      }
    }
  }
  // Overlapping ranges on one day (which the editor refuses) would repeat a start.
  return slots
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .filter((slot, i, all) => i === 0 || all[i - 1]!.startsAt.getTime() !== slot.startsAt.getTime());
}

/** Sorted, merged, non-overlapping held time, so a binary search can answer "is this free?". */
function mergeRanges(busy: BusyRange[]): { from: number; until: number }[] {
  const sorted = busy.map((range) => ({ from: range.from.getTime(), until: range.until.getTime() })).sort((a, b) => a.from - b.from);
  const merged: { from: number; until: number }[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.from <= last.until) last.until = Math.max(last.until, range.until);
    else merged.push({ ...range });
  }
  return merged;
}

/** Whether [from, until) overlaps any held range; half-open, so touching is free. */
function overlapsHeld(held: { from: number; until: number }[], from: number, until: number): boolean {
  let low = 0;
  let high = held.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (held[mid]!.until <= from) low = mid + 1;
    else high = mid;
  }
  return low < held.length && held[low]!.from < until;
}

/** Slots grouped by calendar day as the visitor sees it in `zone`, in order. */
export function groupSlotsByDay<T extends Slot>(slots: T[], zone: string): { day: string; slots: T[] }[] {
  const days: { day: string; slots: T[] }[] = [];
  for (const slot of slots) {
    const day = dayInZone(slot.startsAt, zone);
    const last = days.at(-1);
    if (last?.day === day) last.slots.push(slot);
    else days.push({ day, slots: [slot] });
  }
  return days;
}

/** The `count` free slots nearest to `target`, earliest first. */
export function nearestSlots<T extends Slot>(slots: T[], target: Date, count = 3): T[] {
  return [...slots]
    .sort((a, b) => Math.abs(a.startsAt.getTime() - target.getTime()) - Math.abs(b.startsAt.getTime() - target.getTime()))
    .slice(0, count)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * The bookings whose session no longer lies inside the open hours of its day,
 * as `rules` would have them: what a change of availability leaves stranded.
 * Nothing is cancelled for the therapist; the editor only lists them.
 */
export function bookingsOutsideHours<T extends { startsAt: Date; endsAt: Date }>(rules: AvailabilityRules, held: T[], timeZone: string): T[] {
  return held.filter((booking) => {
    const day = dayInZone(booking.startsAt, timeZone);
    return !rangesOnDay(rules, day).some((range) => {
      const start = localTimeToInstant(day, range.startMinute, timeZone);
      const end = localTimeToInstant(day, range.endMinute, timeZone) ?? localTimeToInstant(day, range.endMinute + 60, timeZone);
      return start !== null && end !== null && start <= booking.startsAt && booking.endsAt <= end;
    });
  });
}
