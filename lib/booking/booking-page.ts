import "server-only";
import { practice } from "@/lib/practice/practice";
import { findFreeSlots, isFreeSlot } from "./availability";
import { withinBookingWindow } from "./booking-window";
import { findTimeZone, formatAppointment, formatDateTime, formatDay, formatTime, zoneLabel } from "./format";
import { findManagedBooking } from "./manage-booking";
import { type TimeChoice, alternativesTo, timeChoice } from "./request-booking";
import { type SessionType, findSessionType, sessionTypes } from "./session-types";
import { groupSlotsByDay } from "./slots";
import { isIsoDay, isTimeZone } from "./time";

/** The zone to show times in: the one asked for if it is real (or typed close enough to find), else `fallback`. */
export function visitorZone(requested: string | undefined, fallback = practice.timeZone): string {
  if (!requested) return fallback;
  if (isTimeZone(requested)) return requested;
  return (requested.length <= 64 ? findTimeZone(requested) : undefined) ?? fallback;
}

export type DayChoice = { day: string; label: string; count: number };

/**
 * What /book shows at each step, all in the visitor's zone: the session
 * types; once one is chosen, the days with free times; once a day is chosen,
 * its times.
 */
export async function bookingPage(params: { type?: string; day?: string; tz?: string }, now = new Date()) {
  const zone = visitorZone(params.tz);
  const sessionType = findSessionType(params.type);
  const base = { zone, zoneLabel: zoneLabel(zone, now), zoneFromVisitor: zone === params.tz, sessionTypes, sessionType };
  if (!sessionType) return { ...base, days: [] as DayChoice[], day: undefined, times: [] as TimeChoice[] };
  const slots = await findFreeSlots(sessionType, { now });
  const byDay = groupSlotsByDay(slots, zone);
  const days = byDay.map(({ day, slots: daySlots }) => ({ day, label: formatDay(day), count: daySlots.length }));
  const chosen = params.day && isIsoDay(params.day) ? byDay.find((entry) => entry.day === params.day) : undefined;
  return {
    ...base,
    days,
    day: params.day && isIsoDay(params.day) ? { day: params.day, label: formatDay(params.day, { withYear: true }) } : undefined,
    times: (chosen?.slots ?? []).map((slot) => ({ startsAt: slot.startsAt.toISOString(), label: formatTime(slot.startsAt, zone) })),
  };
}

/**
 * The intake form's page: the chosen time if it is still free, or the
 * nearest free ones to pick from instead.
 */
export async function requestPage(params: { type?: string; start?: string; tz?: string }, now = new Date()) {
  const zone = visitorZone(params.tz);
  const sessionType = findSessionType(params.type);
  const startsAt = params.start ? new Date(params.start) : undefined;
  if (!sessionType || !startsAt || Number.isNaN(startsAt.getTime())) return { status: "no-time" as const, zone };
  // proxy.ts refuses such a link first; this keeps a made-up year out of the database's timestamps whoever calls.
  if (!withinBookingWindow(startsAt, sessionType.horizonDays, now)) return { status: "not-available" as const, zone };
  const free = await isFreeSlot(sessionType, startsAt, { now });
  return {
    status: "ok" as const,
    zone,
    zoneLabel: zoneLabel(zone, startsAt),
    sessionType: sessionType as SessionType,
    choice: timeChoice(startsAt, zone),
    free,
    alternatives: free ? [] : await alternativesTo(sessionType, startsAt, now, zone),
  };
}

/**
 * The booking's own page behind its private link: null for a wrong or
 * expired link. Times are in the zone asked for, else the one the visitor
 * booked from; when changes are open, the free days and times to move to.
 */
export async function managePage(token: string, params: { tz?: string; day?: string }, now = new Date()) {
  const booking = await findManagedBooking(token, now);
  if (!booking) return null;
  const zone = visitorZone(params.tz, booking.visitorTimeZone);
  const sessionType = findSessionType(booking.sessionType);
  let days: DayChoice[] = [];
  let times: TimeChoice[] = [];
  if (booking.canChange && sessionType) {
    const slots = (await findFreeSlots(sessionType, { now, except: booking.id })).filter(
      (slot) => slot.startsAt.getTime() !== booking.startsAt.getTime(),
    );
    const byDay = groupSlotsByDay(slots, zone);
    days = byDay.map(({ day, slots: daySlots }) => ({ day, label: formatDay(day), count: daySlots.length }));
    const chosen = params.day && isIsoDay(params.day) ? byDay.find((entry) => entry.day === params.day) : undefined;
    times = (chosen?.slots ?? []).map((slot) => ({ startsAt: slot.startsAt.toISOString(), label: formatTime(slot.startsAt, zone) }));
  }
  return {
    booking,
    zone,
    zoneLabel: zoneLabel(zone, booking.startsAt),
    when: formatAppointment(booking.startsAt, booking.endsAt, zone),
    changeCutoff: formatDateTime(booking.changeCutoffAt, zone),
    expires: booking.expiresAt ? formatDateTime(booking.expiresAt, zone) : null,
    day: params.day && isIsoDay(params.day) ? { day: params.day, label: formatDay(params.day, { withYear: true }) } : undefined,
    days,
    times,
  };
}
