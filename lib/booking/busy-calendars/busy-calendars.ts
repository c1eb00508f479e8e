import "server-only";
import { and, asc, count, eq, gt, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Transaction } from "@/db/client";
import { type BusyCalendar, busyCalendars, busyTimes } from "@/db/schema";
import type { Therapist } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { done, refused, refusedInput, type Outcome, type RefusedInput } from "@/lib/forms/outcome";
import { logError } from "@/lib/errors";
import { practice } from "@/lib/practice/practice";
import { sessionTypes } from "../session-types";
import { calendarAddress, calendarName, NOT_A_CALENDAR_ADDRESS } from "./calendar-fields";
import { NotICalendarError, describeLeftOut, readBusyIntervals } from "./expand";
import { type FeedLimits, FeedFetchError, UNENCRYPTED, defaultFeedLimits, feedRequestUrl, fetchFeed, maskedFeedAddress } from "./fetch-feed";
import { DAY, MINUTE } from "@/lib/time";

/** How often the sweep reads each calendar again. */
export const REFRESH_EVERY_MS = 5 * MINUTE;
/** Busy times are kept from a day back to past the furthest any session type books ahead. */
export const BUSY_HORIZON_DAYS = Math.max(90, ...sessionTypes.map((type) => type.horizonDays)) + 1;
// An unchanged calendar answers 304; its stored window is read afresh once a day all the same, so it moves on with the days.
const REREAD_EVERY_MS = DAY;
const MAX_CALENDARS = 10;

export const busyCalendarInputSchema = z.strictObject({
  name: calendarName,
  address: calendarAddress.refine((address) => feedRequestUrl(address) !== null, NOT_A_CALENDAR_ADDRESS),
});

export type BusyCalendarInput = z.input<typeof busyCalendarInputSchema>;

export type RefreshOutcome = { status: "read"; busyTimes: number; leftOut: string | null } | { status: "unchanged" } | { status: "failed"; message: string };

export type BusyCalendarOutcome = Outcome<{ refreshed?: RefreshOutcome }, "not-found"> | RefusedInput;

const alreadyRemoved = () => refused("not-found", "That calendar was already removed.");

function limits(): FeedLimits {
  return { ...defaultFeedLimits, allowPrivate: env().CALENDAR_FEEDS_ALLOW_PRIVATE };
}

/**
 * Reads one calendar and replaces its busy times. A failure of any kind
 * leaves the last good busy times in place and records the reason (in words
 * that never contain the address) and since when it has been failing.
 */
async function refreshCalendar(calendar: BusyCalendar, now: Date, feedLimits = limits()): Promise<RefreshOutcome> {
  const db = await getDb();
  const recentlyRead = calendar.readAt !== null && now.getTime() - calendar.readAt.getTime() < REREAD_EVERY_MS;
  try {
    const answer = await fetchFeed(calendar.address, recentlyRead ? { etag: calendar.etag, lastModified: calendar.lastModified } : {}, feedLimits);
    if (answer.status === "not-modified") {
      await db.update(busyCalendars).set({ errorMessage: null, failingSince: null }).where(eq(busyCalendars.id, calendar.id));
      return { status: "unchanged" };
    }
    // Within the feed's budget, pausing so the pages this server answers meanwhile do not wait on it.
    const { intervals, leftOut } = await readBusyIntervals(answer.text, {
      from: new Date(now.getTime() - DAY),
      until: new Date(now.getTime() + BUSY_HORIZON_DAYS * DAY),
      timeZone: practice.timeZone,
    });
    await db.transaction(async (tx) => {
      await tx.delete(busyTimes).where(eq(busyTimes.calendarId, calendar.id));
      for (let i = 0; i < intervals.length; i += 1000) {
        await tx.insert(busyTimes).values(intervals.slice(i, i + 1000).map(({ startsAt, endsAt }) => ({ calendarId: calendar.id, startsAt, endsAt })));
      }
      await tx
        .update(busyCalendars)
        .set({ etag: answer.etag, lastModified: answer.lastModified, readAt: now, errorMessage: null, failingSince: null, leftOut: describeLeftOut(leftOut) })
        .where(eq(busyCalendars.id, calendar.id));
    });
    return { status: "read", busyTimes: intervals.length, leftOut: describeLeftOut(leftOut) };
  } catch (error) {
    const known = error instanceof FeedFetchError || error instanceof NotICalendarError;
    // The address never reaches the log: only our own errors, which never quote it, or the database's.
    if (!known) logError("busy calendar refresh", error);
    const message = known ? error.message : "The calendar could not be read.";
    await db
      .update(busyCalendars)
      .set({ errorMessage: message, failingSince: calendar.failingSince ?? now })
      .where(eq(busyCalendars.id, calendar.id))
      .catch((failure: unknown) => logError("busy calendar refresh record", failure));
    return { status: "failed", message };
  }
}

/**
 * The sweep's part: claims the calendars not read for REFRESH_EVERY_MS (one
 * UPDATE … RETURNING, so two servers' sweeps split them) and reads them side
 * by side, each within the fetch limits.
 */
export async function refreshDueBusyCalendars(now = new Date()): Promise<{ read: number; unchanged: number; failed: number }> {
  const db = await getDb();
  const due = await db
    .update(busyCalendars)
    .set({ checkedAt: now })
    .where(or(isNull(busyCalendars.checkedAt), lt(busyCalendars.checkedAt, new Date(now.getTime() - REFRESH_EVERY_MS))))
    .returning();
  const outcomes = await Promise.all(due.map((calendar) => refreshCalendar(calendar, now)));
  return {
    read: outcomes.filter((outcome) => outcome.status === "read").length,
    unchanged: outcomes.filter((outcome) => outcome.status === "unchanged").length,
    failed: outcomes.filter((outcome) => outcome.status === "failed").length,
  };
}

async function readBusyCalendars() {
  const db = await getDb();
  const rows = await db
    .select({
      id: busyCalendars.id,
      name: busyCalendars.name,
      address: busyCalendars.address,
      readAt: busyCalendars.readAt,
      errorMessage: busyCalendars.errorMessage,
      failingSince: busyCalendars.failingSince,
      leftOut: busyCalendars.leftOut,
      busyTimes: count(busyTimes.id),
    })
    .from(busyCalendars)
    .leftJoin(busyTimes, eq(busyTimes.calendarId, busyCalendars.id))
    .groupBy(busyCalendars.id)
    .orderBy(asc(busyCalendars.createdAt));
  return rows.map(({ address, ...row }) => ({ ...row, shownAddress: maskedFeedAddress(address) }));
}

/** The room's list: names, the host only (the address is a secret), and how each last read went. */
// The type asks for the guard's proof; nothing of her is read.
export const listBusyCalendars: (therapist: Therapist) => ReturnType<typeof readBusyCalendars> = readBusyCalendars;

/** Adds one of her calendars and reads it at once, so the room can say whether it worked. */
export async function addBusyCalendar(therapist: Therapist, input: BusyCalendarInput, { now = new Date() } = {}): Promise<BusyCalendarOutcome> {
  const parsed = busyCalendarInputSchema.safeParse(input);
  if (!parsed.success) return refusedInput(parsed.error);
  if (feedRequestUrl(parsed.data.address)?.protocol === "http:" && !limits().allowPrivate) return refusedInput({ address: [UNENCRYPTED] });
  const db = await getDb();
  const [{ calendars }] = (await db.select({ calendars: count() }).from(busyCalendars)) as [{ calendars: number }];
  if (calendars >= MAX_CALENDARS) return refusedInput({ form: [`Attune reads up to ${MAX_CALENDARS} calendars; remove one first.`] });
  const [calendar] = await db.insert(busyCalendars).values({ ...parsed.data, checkedAt: now }).returning();
  return done({ refreshed: await refreshCalendar(calendar!, now) });
}

/** Stops reading a calendar; its busy times go with it. */
export async function removeBusyCalendar(therapist: Therapist, id: string): Promise<BusyCalendarOutcome> {
  if (!z.uuid().safeParse(id).success) return alreadyRemoved();
  const db = await getDb();
  const removed = await db.delete(busyCalendars).where(eq(busyCalendars.id, id)).returning({ id: busyCalendars.id });
  return removed.length > 0 ? done() : alreadyRemoved();
}

/** "Refresh now": reads one calendar whatever the schedule says. */
export async function refreshBusyCalendarNow(therapist: Therapist, id: string, { now = new Date() } = {}): Promise<BusyCalendarOutcome> {
  if (!z.uuid().safeParse(id).success) return alreadyRemoved();
  const db = await getDb();
  const [calendar] = await db.update(busyCalendars).set({ checkedAt: now }).where(eq(busyCalendars.id, id)).returning();
  if (!calendar) return alreadyRemoved();
  return done({ refreshed: await refreshCalendar(calendar, now) });
}

type Executor = Awaited<ReturnType<typeof getDb>> | Transaction;

/** Her calendars' busy times that overlap [from, until), as held ranges. */
export async function loadCalendarBusy(from: Date, until: Date, db?: Executor): Promise<{ from: Date; until: Date }[]> {
  const executor = db ?? (await getDb());
  const rows = await executor
    .select({ from: busyTimes.startsAt, until: busyTimes.endsAt })
    .from(busyTimes)
    .where(and(lt(busyTimes.startsAt, until), gt(busyTimes.endsAt, from)));
  return rows;
}
