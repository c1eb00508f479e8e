import "server-only";
import { and, asc, count, eq, gt, isNull, lt, or } from "drizzle-orm";
import { createHash } from "node:crypto";
import { z } from "zod";
import { getDb, type Transaction } from "@/db/client";
import { type BusyCalendar, busyCalendars, busyTimes } from "@/db/schema";
import type { Therapist } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { done, refused, refusedInput, type Outcome, type RefusedInput } from "@/lib/forms/outcome";
import { logError } from "@/lib/errors";
import { practice } from "@/lib/practice/practice";
import { sessionTypes } from "../session-types";
import { allDayBusyChoice, calendarAddress, calendarName, NOT_A_CALENDAR_ADDRESS, WHAT_TO_PASTE } from "./calendar-fields";
import { type BusyInterval, NotICalendarError, describeLeftOut, readBusyIntervals } from "./expand";
import { type FeedAnswer, type FeedLimits, FeedFetchError, UNENCRYPTED, defaultFeedLimits, feedRequestUrl, fetchFeed, maskedFeedAddress } from "./fetch-feed";
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
  allDayBusy: allDayBusyChoice,
});

export type BusyCalendarInput = z.input<typeof busyCalendarInputSchema>;

export type RefreshOutcome = { status: "read"; busyTimes: number; leftOut: string | null } | { status: "unchanged" } | { status: "failed"; message: string };

export type BusyCalendarOutcome = Outcome<{ refreshed?: RefreshOutcome }, "not-found"> | RefusedInput;

const alreadyRemoved = () => refused("not-found", "That calendar was already removed.");

function limits(): FeedLimits {
  return { ...defaultFeedLimits, allowPrivate: env().CALENDAR_FEEDS_ALLOW_PRIVATE };
}

/** The window of busy times kept from a reading at `now`. */
const windowAt = (now: Date, allDayBusy: boolean) => ({
  from: new Date(now.getTime() - DAY),
  until: new Date(now.getTime() + BUSY_HORIZON_DAYS * DAY),
  timeZone: practice.timeZone,
  allDayBusy,
});

/** Replaces a calendar's busy times with a full reading, in the caller's transaction. */
async function storeReading(tx: Transaction, calendarId: string, intervals: BusyInterval[]) {
  await tx.delete(busyTimes).where(eq(busyTimes.calendarId, calendarId));
  for (let i = 0; i < intervals.length; i += 1000) {
    await tx.insert(busyTimes).values(intervals.slice(i, i + 1000).map(({ startsAt, endsAt }) => ({ calendarId, startsAt, endsAt })));
  }
}

/** The same busy times give the same digest, however the calendar wrote them out. */
function digestOf(intervals: BusyInterval[]): string {
  const hash = createHash("sha256");
  for (const { startsAt, endsAt } of intervals) hash.update(`${startsAt.getTime()}/${endsAt.getTime()};`);
  return hash.digest("base64url");
}

/** Words fit for the room for anything reading a calendar threw; the address never reaches the log. */
function failureMessage(error: unknown): string {
  const known = error instanceof FeedFetchError || error instanceof NotICalendarError;
  // Only our own errors, which never quote it, or the database's are logged.
  if (!known) logError("busy calendar refresh", error);
  return known ? error.message : "The calendar could not be read.";
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
      await db.update(busyCalendars).set({ answeredAt: now, errorMessage: null, failingSince: null }).where(eq(busyCalendars.id, calendar.id));
      return { status: "unchanged" };
    }
    // Within the feed's budget, pausing so the pages this server answers meanwhile do not wait on it.
    const { intervals, leftOut } = await readBusyIntervals(answer.text, windowAt(now, calendar.allDayBusy));
    const busyDigest = digestOf(intervals);
    const changedAt = busyDigest === calendar.busyDigest ? calendar.changedAt : now;
    await db.transaction(async (tx) => {
      await storeReading(tx, calendar.id, intervals);
      await tx
        .update(busyCalendars)
        .set({ etag: answer.etag, lastModified: answer.lastModified, readAt: now, answeredAt: now, changedAt, busyDigest, errorMessage: null, failingSince: null, leftOut: describeLeftOut(leftOut) })
        .where(eq(busyCalendars.id, calendar.id));
    });
    return { status: "read", busyTimes: intervals.length, leftOut: describeLeftOut(leftOut) };
  } catch (error) {
    const message = failureMessage(error);
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
      answeredAt: busyCalendars.answeredAt,
      changedAt: busyCalendars.changedAt,
      allDayBusy: busyCalendars.allDayBusy,
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

/**
 * Adds one of her calendars, read first: an address that cannot be read
 * (Google's web link, a reset address, a page that is not a calendar) is
 * refused beside its field with what to paste instead, and nothing is
 * stored, so nothing is announced as added that will never hold a time.
 */
export async function addBusyCalendar(therapist: Therapist, input: BusyCalendarInput, { now = new Date() } = {}): Promise<BusyCalendarOutcome> {
  const parsed = busyCalendarInputSchema.safeParse(input);
  if (!parsed.success) return refusedInput(parsed.error);
  if (feedRequestUrl(parsed.data.address)?.protocol === "http:" && !limits().allowPrivate) return refusedInput({ address: [UNENCRYPTED] });
  const db = await getDb();
  const [{ calendars }] = (await db.select({ calendars: count() }).from(busyCalendars)) as [{ calendars: number }];
  if (calendars >= MAX_CALENDARS) return refusedInput({ form: [`Attune reads up to ${MAX_CALENDARS} calendars; remove one first.`] });
  let reading: { answer: Extract<FeedAnswer, { status: "ok" }>; intervals: BusyInterval[]; leftOut: string | null };
  try {
    // Asked with no validators, so the answer is a full copy or an error.
    const answer = await fetchFeed(parsed.data.address, {}, limits());
    if (answer.status !== "ok") throw new FeedFetchError("The calendar did not send its events.");
    const { intervals, leftOut } = await readBusyIntervals(answer.text, windowAt(now, parsed.data.allDayBusy === "yes"));
    reading = { answer, intervals, leftOut: describeLeftOut(leftOut) };
  } catch (error) {
    return refusedInput({ address: [failureMessage(error), WHAT_TO_PASTE] });
  }
  const { answer, intervals, leftOut } = reading;
  await db.transaction(async (tx) => {
    const [calendar] = await tx
      .insert(busyCalendars)
      .values({ name: parsed.data.name, address: parsed.data.address, allDayBusy: parsed.data.allDayBusy === "yes", checkedAt: now, answeredAt: now, changedAt: now, busyDigest: digestOf(intervals), readAt: now, etag: answer.etag, lastModified: answer.lastModified, leftOut })
      .returning({ id: busyCalendars.id });
    await storeReading(tx, calendar!.id, intervals);
  });
  return done({ refreshed: { status: "read", busyTimes: intervals.length, leftOut } });
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
