import "server-only";
import "./waitlist-emails";
import { and, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { waitlistEntries } from "@/db/schema";
import { findSessionType } from "@/lib/booking/session-types";
import { enqueueEmail } from "@/lib/email/outbox";
import { practice } from "@/lib/practice/practice";
import { closeEmailCodeStep } from "@/lib/security/email-code";
import { DAY } from "@/lib/time";
import { STAY_ASKED_DAYS_BEFORE, WAITLIST_CODE_PURPOSE } from "./join";
import { lapseOffers, offerFreedTimes, withdrawOpenOffer } from "./offers";

/** Unproven entries are deleted a day after they lapsed: nobody proved the address, so nothing of it is kept. */
const UNCONFIRMED_KEPT_DAYS = 1;

/** Places whose 60 days ran out close (an offer she holds goes back); an unproven one simply lapses. */
export async function closeLapsedPlaces(now = new Date()): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const lapsed = await tx
      .update(waitlistEntries)
      .set({ status: "expired", network: null, closedAt: now, updatedAt: now })
      .where(and(inArray(waitlistEntries.status, ["unconfirmed", "waiting", "paused"]), lte(waitlistEntries.expiresAt, now)))
      .returning({ id: waitlistEntries.id });
    for (const { id } of lapsed) {
      await withdrawOpenOffer(tx, id, now);
      await closeEmailCodeStep(tx, WAITLIST_CODE_PURPOSE, id);
    }
    return lapsed.length;
  });
}

/** A week before her place ends, one email asks whether to stay (one press); saying nothing lets it end. */
export async function askWhetherToStay(now = new Date()): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const asked = await tx
      .update(waitlistEntries)
      .set({ stayAskedAt: now })
      .where(
        and(
          inArray(waitlistEntries.status, ["waiting", "paused"]),
          isNull(waitlistEntries.stayAskedAt),
          lte(waitlistEntries.expiresAt, new Date(now.getTime() + STAY_ASKED_DAYS_BEFORE * DAY)),
        ),
      )
      .returning();
    for (const entry of asked) {
      await enqueueEmail(tx, {
        to: entry.email,
        template: "waitlist-stay",
        props: { entryId: entry.id, sessionName: findSessionType(entry.sessionType)?.name ?? "Appointment", endsAt: entry.expiresAt.toISOString(), timeZone: entry.timeZone },
      });
    }
    return asked.length;
  });
}

/**
 * Retention: closed places (booked, left, removed, ended) are deleted with
 * their offers `closedRequestRetentionDays` after they closed, like closed
 * booking requests; unproven ones a day after they lapsed.
 */
export async function purgeClosedPlaces(now = new Date()): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - practice.booking.closedRequestRetentionDays * DAY);
  const unconfirmedCutoff = new Date(now.getTime() - UNCONFIRMED_KEPT_DAYS * DAY);
  const purged = await db
    .delete(waitlistEntries)
    .where(
      or(
        and(inArray(waitlistEntries.status, ["booked", "left", "removed", "expired"]), lt(waitlistEntries.closedAt, cutoff)),
        and(eq(waitlistEntries.status, "unconfirmed"), lt(waitlistEntries.expiresAt, unconfirmedCutoff)),
        and(eq(waitlistEntries.status, "expired"), isNull(waitlistEntries.confirmedAt), lt(waitlistEntries.expiresAt, unconfirmedCutoff)),
      ),
    )
    .returning({ id: waitlistEntries.id });
  return purged.length;
}

export type WaitlistSweepSummary = { lapsedOffers: number; closed: number; askedToStay: number; offered: number; purged: number };

/**
 * The waitlist's part of the sweep (lib/maintenance/sweep.ts), after the
 * booking sweep has released lapsed holds and before the outbox is drained,
 * so an offer made here goes out in the same sweep.
 */
export async function runWaitlistSweep(now = new Date()): Promise<WaitlistSweepSummary> {
  const lapsedOffers = await lapseOffers(now);
  const closed = await closeLapsedPlaces(now);
  const askedToStay = await askWhetherToStay(now);
  const offered = await offerFreedTimes(now);
  const purged = await purgeClosedPlaces(now);
  return { lapsedOffers, closed, askedToStay, offered, purged };
}
