import "server-only";
import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings, calendarFeeds } from "@/db/schema";
import { siteUrl } from "@/lib/env";
import { randomToken, sha256 } from "@/lib/security/hash";
import { isIssuedToken } from "@/lib/security/issued-token";
import { therapistFeedCalendar } from "./calendar";
import { findSessionType } from "./session-types";
import type { Therapist } from "@/lib/auth/guards";
import { DAY } from "@/lib/time";

// Past sessions stay in the feed this long, so yesterday's is still in the calendar.
const FEED_PAST_DAYS = 30;

export function calendarFeedUrl(token: string): string {
  return siteUrl(`/api/calendar/${token}`);
}

/**
 * Makes a new private feed URL and revokes any earlier one. The URL is shown
 * once: only its token's hash is stored, so a lost URL is replaced, not
 * recovered.
 */
export async function createCalendarFeed(therapist: Therapist, { now = new Date() } = {}): Promise<{ url: string }> {
  const token = randomToken();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(calendarFeeds).set({ revokedAt: now }).where(isNull(calendarFeeds.revokedAt));
    await tx.insert(calendarFeeds).values({ tokenHash: sha256(token), createdBy: therapist.email, createdAt: now });
  });
  return { url: calendarFeedUrl(token) };
}

/** Turns the feed off: its URL answers 404 from now on. */
export async function revokeCalendarFeed(therapist: Therapist, { now = new Date() } = {}): Promise<{ revoked: number }> {
  const db = await getDb();
  const revoked = await db.update(calendarFeeds).set({ revokedAt: now }).where(isNull(calendarFeeds.revokedAt)).returning({ id: calendarFeeds.id });
  return { revoked: revoked.length };
}

async function readFeedStatus(): Promise<{ active: boolean; createdAt: Date | null }> {
  const db = await getDb();
  const [feed] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(isNull(calendarFeeds.revokedAt));
  return { active: Boolean(feed), createdAt: feed?.createdAt ?? null };
}

/** Whether a feed is on, and since when. */
// The type asks for the guard's proof; nothing of her is read.
export const calendarFeedStatus: (therapist: Therapist) => ReturnType<typeof readFeedStatus> = readFeedStatus;

/**
 * The feed itself, for the calendar app that holds the URL: confirmed (and
 * recently held) sessions, each with only its kind, format and a link into
 * the private area. Null for a wrong or revoked token.
 */
export async function calendarFeedIcs(token: string, { now = new Date() } = {}): Promise<string | null> {
  if (!isIssuedToken(token)) return null;
  const db = await getDb();
  const [feed] = await db
    .select({ id: calendarFeeds.id })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, sha256(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) return null;
  const rows = await db
    .select({
      id: bookings.id,
      sessionType: bookings.sessionType,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      format: bookings.format,
      rescheduleCount: bookings.rescheduleCount,
    })
    .from(bookings)
    .where(and(inArray(bookings.status, ["confirmed", "completed", "no_show"]), gte(bookings.startsAt, new Date(now.getTime() - FEED_PAST_DAYS * DAY))))
    .orderBy(asc(bookings.startsAt));
  return therapistFeedCalendar(
    rows.map((row) => ({
      bookingId: row.id,
      sessionName: findSessionType(row.sessionType)?.name ?? "Session",
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      format: row.format,
      status: "confirmed",
      sequence: row.rescheduleCount,
    })),
    now,
  );
}
