import "server-only";
import { and, asc, count, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { subscribers } from "@/db/schema";
import type { Therapist } from "@/lib/auth/guards";
import { absoluteUrl, postPath, publishedPosts, type Post } from "@/lib/blog/posts";
import { enqueueEmail } from "@/lib/email/outbox";
import { newsletterHeaders, tokenHash, unsubscribePageUrl, unsubscribeToken } from "./links";
import { isIssuedToken } from "@/lib/security/issued-token";

/*
 * The series by email: a subscriber who chooses it (on confirming, or later
 * from the page their unsubscribe link opens) gets the blog's four-part
 * series one part a week, the first at once: each email the post's short
 * description and a plain link to it, no tracking. The sweep queues the parts
 * that are due through the outbox; unsubscribing stops it, since only
 * confirmed, unsuppressed subscribers are ever sent a part.
 */

export const SERIES_TITLE = "The attachment bond";
/** Parts queued a sweep at most; the next sweep carries on. */
const PER_SWEEP = 200;

/** The series' parts that are published now, in order. A part not yet published waits. */
export function seriesParts(now = new Date()): Post[] {
  return publishedPosts(now)
    .filter((post) => post.series === SERIES_TITLE)
    .sort((a, b) => a.part - b.part);
}

/** The number of parts the series has in all, published or not: "part 2 of 4". */
function partsInAll(now: Date): number {
  return Math.max(4, ...seriesParts(now).map((post) => post.part));
}

/** Starts the series for a subscriber in the caller's transaction (on confirming), with its first part. Choosing twice changes nothing. */
export async function startSeries(tx: Transaction, subscriberId: string, now: Date) {
  await tx.update(subscribers).set({ seriesStartedAt: now }).where(and(eq(subscribers.id, subscriberId), isNull(subscribers.seriesStartedAt)));
  await queueDue(tx, now, subscriberId);
}

export type SeriesLinkState = "offer" | "on-series" | "not-subscribed" | "invalid";

/** What the page a subscriber's own link opens should offer about the series. */
export async function seriesStateForToken(token: string): Promise<SeriesLinkState> {
  if (!isIssuedToken(token)) return "invalid";
  const db = await getDb();
  const [row] = await db.select({ status: subscribers.status, startedAt: subscribers.seriesStartedAt }).from(subscribers).where(eq(subscribers.unsubscribeTokenHash, tokenHash(token)));
  if (!row) return "invalid";
  if (row.status !== "confirmed") return "not-subscribed";
  return row.startedAt ? "on-series" : "offer";
}

/** A confirmed subscriber, by their own link, chooses the series; its first part goes with the next sweep. */
export async function chooseSeriesWithToken(token: string, now = new Date()): Promise<boolean> {
  if (!isIssuedToken(token)) return false;
  const db = await getDb();
  const [row] = await db
    .update(subscribers)
    .set({ seriesStartedAt: sql`coalesce(${subscribers.seriesStartedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(subscribers.unsubscribeTokenHash, tokenHash(token)), eq(subscribers.status, "confirmed")))
    .returning({ id: subscribers.id });
  return Boolean(row);
}

/**
 * Queues every part that is due: part n goes (n - 1) weeks after the series
 * was chosen, and only to a confirmed, unsuppressed subscriber. Each
 * subscriber is claimed with SKIP LOCKED and the count moves in the same
 * transaction as the email, so two servers sweeping at once queue a part once.
 */
export async function queueDueSeriesParts(now = new Date()): Promise<number> {
  const db = await getDb();
  return db.transaction((tx) => queueDue(tx, now));
}

async function queueDue(tx: Transaction, now: Date, only?: string): Promise<number> {
  const parts = seriesParts(now);
  if (parts.length === 0) return 0;
  const total = partsInAll(now);
  {
    const due = await tx
      .select({ id: subscribers.id, email: subscribers.email, partsSent: subscribers.seriesPartsSent })
      .from(subscribers)
      .where(
        and(
          eq(subscribers.status, "confirmed"),
          isNull(subscribers.suppressedAt),
          isNotNull(subscribers.seriesStartedAt),
          lt(subscribers.seriesPartsSent, total),
          // Part n + 1 falls due n weeks after the series was chosen.
          sql`${subscribers.seriesStartedAt} + make_interval(days => 7 * ${subscribers.seriesPartsSent}) <= ${now.toISOString()}::timestamptz`,
          only ? eq(subscribers.id, only) : undefined,
        ),
      )
      .orderBy(asc(subscribers.seriesStartedAt))
      .limit(PER_SWEEP)
      .for("update", { skipLocked: true });
    let queued = 0;
    for (const subscriber of due) {
      const post = parts.find((candidate) => candidate.part === subscriber.partsSent + 1);
      // Not published yet: it goes at a later sweep, once it is.
      if (!post) continue;
      const token = unsubscribeToken(subscriber.id);
      await enqueueEmail(tx, {
        to: subscriber.email,
        template: "newsletter-series-part",
        props: { series: SERIES_TITLE, part: post.part, parts: total, title: post.title, excerpt: post.description, postUrl: absoluteUrl(postPath(post.slug)), unsubscribeUrl: unsubscribePageUrl(token) },
        headers: newsletterHeaders(token),
      });
      await tx.update(subscribers).set({ seriesPartsSent: post.part }).where(eq(subscribers.id, subscriber.id));
      queued += 1;
    }
    return queued;
  }
}

/** For the newsletter room: how many are receiving the series now, and how many have had every part. */
export async function seriesTotals(therapist: Therapist, now = new Date()) {
  const total = partsInAll(now);
  const db = await getDb();
  const onSeries = and(eq(subscribers.status, "confirmed"), isNull(subscribers.suppressedAt), isNotNull(subscribers.seriesStartedAt));
  const [receiving] = await db.select({ n: count() }).from(subscribers).where(and(onSeries, lt(subscribers.seriesPartsSent, total)));
  const [finished] = await db.select({ n: count() }).from(subscribers).where(and(onSeries, eq(subscribers.seriesPartsSent, total)));
  return { title: SERIES_TITLE, parts: total, receiving: receiving!.n, finished: finished!.n };
}
