import "server-only";
import { and, asc, eq, gt, gte, inArray, lt, lte, or } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb } from "@/db/client";
import { bookings, busyCalendars, busyTimes, dayOverrides, timeOff } from "@/db/schema";
import type { Therapist } from "@/lib/auth/guards";
import { practice } from "@/lib/practice/practice";
import { loadAvailabilityRules } from "./availability";
import { confirmedByVisitor } from "./hold";
import { findSessionType } from "./session-types";
import { rangesOnDay } from "./slots";
import { addDays, dayBounds, dayInZone, isIsoDay } from "./time";

/*
 * Her days drawn together: the hours she keeps, what is booked and asked for,
 * her days off and the busy times of her own calendars, in the practice's
 * zone. Read only; each entry carries where its record is.
 */

/** One thing on a day, in time order. `href` is where its record is; a hold nobody has proven has none. */
export type ScheduleEntry =
  | { kind: "session" | "request" | "held-back"; id: string; startsAt: Date; endsAt: Date; sessionName: string; name: string; status: string; href: string }
  /** A time held on /book while the visitor types the emailed code: not hers to read yet, so no name and no link. */
  | { kind: "hold"; id: string; startsAt: Date; endsAt: Date; sessionName: string; holdExpiresAt: Date }
  /** Only when and which calendar: Attune never stores what her events say. */
  | { kind: "busy"; id: string; startsAt: Date; endsAt: Date; calendarName: string; href: string };

export type ScheduleDay = {
  /** YYYY-MM-DD on the practice's calendar. */
  day: string;
  isToday: boolean;
  /** The open hours as wall-clock minutes; empty when closed or off. */
  hours: { startMinute: number; endMinute: number }[];
  /** Whether the hours are a one-day change rather than the usual week. */
  changedHours: boolean;
  timeOff: { id: string; startsOn: string; endsOn: string; href: string } | null;
  entries: ScheduleEntry[];
};

const HOLDING_STATUSES = ["requested", "confirmed", "completed", "no_show"] as const;

const kindOf = (row: { status: string; holdExpiresAt: Date | null; emailHeldBackAt: Date | null }): "session" | "request" | "held-back" | "hold" => {
  if (row.holdExpiresAt !== null) return row.emailHeldBackAt !== null ? "held-back" : "hold";
  return row.status === "requested" ? "request" : "session";
};

async function readSchedule(firstDay: string, days: number, now: Date): Promise<ScheduleDay[]> {
  const zone = practice.timeZone;
  const lastDay = addDays(firstDay, days - 1);
  const from = dayBounds(firstDay, zone).start;
  const until = dayBounds(lastDay, zone).end;
  const db = await getDb();
  const [rules, bookingRows, offRows, overrideRows, busyRows] = await Promise.all([
    loadAvailabilityRules(),
    db
      .select()
      .from(bookings)
      .where(
        and(
          inArray(bookings.status, [...HOLDING_STATUSES]),
          // What the visitor proved, and the holds still keeping a time from /book (an unproven one is drawn without a name).
          or(confirmedByVisitor, gt(bookings.holdExpiresAt, now)),
          lt(bookings.startsAt, until),
          gt(bookings.endsAt, from),
        ),
      )
      .orderBy(asc(bookings.startsAt)),
    db
      .select()
      .from(timeOff)
      .where(and(lte(timeOff.startsOn, lastDay), gte(timeOff.endsOn, firstDay)))
      .orderBy(asc(timeOff.startsOn)),
    db
      .select({ day: dayOverrides.day })
      .from(dayOverrides)
      .where(and(gte(dayOverrides.day, firstDay), lte(dayOverrides.day, lastDay))),
    db
      .select({ id: busyTimes.id, startsAt: busyTimes.startsAt, endsAt: busyTimes.endsAt, calendarId: busyCalendars.id, calendarName: busyCalendars.name })
      .from(busyTimes)
      .innerJoin(busyCalendars, eq(busyCalendars.id, busyTimes.calendarId))
      .where(and(lt(busyTimes.startsAt, until), gt(busyTimes.endsAt, from)))
      .orderBy(asc(busyTimes.startsAt)),
  ]);
  const changed = new Set(overrideRows.map((row) => row.day));
  const today = dayInZone(now, zone);

  return Array.from({ length: days }, (_, index) => {
    const day = addDays(firstDay, index);
    const bounds = dayBounds(day, zone);
    const overlaps = (row: { startsAt: Date; endsAt: Date }) => row.startsAt < bounds.end && row.endsAt > bounds.start;
    const off = offRows.find((row) => row.startsOn <= day && day <= row.endsOn);
    const entries: ScheduleEntry[] = [
      // A session belongs to the day it starts on; one running past midnight is not drawn twice.
      ...bookingRows
        .filter((row) => dayInZone(row.startsAt, zone) === day)
        .map((row): ScheduleEntry => {
          const kind = kindOf(row);
          const sessionName = findSessionType(row.sessionType)?.name ?? row.sessionType;
          if (kind === "hold") return { kind, id: row.id, startsAt: row.startsAt, endsAt: row.endsAt, sessionName, holdExpiresAt: row.holdExpiresAt! };
          return {
            kind,
            id: row.id,
            startsAt: row.startsAt,
            endsAt: row.endsAt,
            sessionName,
            name: row.name,
            status: row.status,
            href: `/admin/requests/${row.id}`,
          };
        }),
      // A busy time spanning days (a trip, an all-day event) shows on each, cut to that day.
      ...busyRows.filter(overlaps).map((row): ScheduleEntry => ({
        kind: "busy",
        id: row.id,
        startsAt: row.startsAt < bounds.start ? bounds.start : row.startsAt,
        endsAt: row.endsAt > bounds.end ? bounds.end : row.endsAt,
        calendarName: row.calendarName,
        href: `/admin/availability#calendar-${row.calendarId}`,
      })),
    ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return {
      day,
      isToday: day === today,
      hours: rangesOnDay(rules, day).map(({ startMinute, endMinute }) => ({ startMinute, endMinute })),
      changedHours: changed.has(day) && !off,
      timeOff: off ? { id: off.id, startsOn: off.startsOn, endsOn: off.endsOn, href: `/admin/availability#time-off-${off.id}` } : null,
      entries,
    };
  });
}

/** This week and the next, Monday to Sunday on the practice's calendar. */
export async function weekAtAGlance(therapist: Therapist, { now = new Date() } = {}) {
  const monday = DateTime.fromJSDate(now, { zone: practice.timeZone }).startOf("week").toISODate()!;
  const days = await readSchedule(monday, 14, now);
  return { timeZone: practice.timeZone, weeks: [days.slice(0, 7), days.slice(7)] };
}

/** One day of her schedule (a request's page shows its day beside the decision). */
export async function dayAtAGlance(therapist: Therapist, day: string, { now = new Date() } = {}): Promise<ScheduleDay | null> {
  if (!isIsoDay(day)) return null;
  const [schedule] = await readSchedule(day, 1, now);
  return schedule ?? null;
}
