import "server-only";
import { and, eq, gt, inArray, isNull, lt, lte } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { type Booking, bookings, outboxEmails } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { enqueueEmail } from "@/lib/email/outbox";
import { bookAgainUrl, bookingEmailProps } from "./booking-emails";
import { aboutBookings } from "./erase";
import { releaseLapsedHolds } from "./hold";
import { DAY, HOUR } from "@/lib/time";

/**
 * Claims bookings with one UPDATE … RETURNING and queues an email to each in
 * the same transaction: two sweeps running at once claim different rows, so
 * each visitor is told once, and a failed email leaves the booking unclaimed.
 */
async function claimAndTell(claim: (tx: Transaction) => Promise<Booking[]>, tell: (tx: Transaction, booking: Booking) => Promise<unknown>): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const claimed = await claim(tx);
    for (const booking of claimed) await tell(tx, booking);
    return claimed.length;
  });
}

/**
 * Requests nobody answered in time: marked expired (which frees their time,
 * since the exclusion constraint only counts active bookings) and the visitor
 * told.
 */
export function expireBookingRequests(now = new Date()): Promise<number> {
  return claimAndTell(
    (tx) =>
      tx
        .update(bookings)
        .set({ status: "expired", closedAt: now, updatedAt: now })
        .where(and(eq(bookings.status, "requested"), lte(bookings.expiresAt, now)))
        .returning(),
    (tx, booking) => enqueueEmail(tx, { to: booking.email, template: "booking-expired", props: { ...bookingEmailProps(booking), bookUrl: bookAgainUrl() } }),
  );
}

/** One reminder per confirmed booking, about a day before; reminderQueuedAt makes it once. */
export function queueBookingReminders(now = new Date()): Promise<number> {
  const remindBy = new Date(now.getTime() + practice.booking.reminderHoursBefore * HOUR);
  return claimAndTell(
    (tx) =>
      tx
        .update(bookings)
        .set({ reminderQueuedAt: now })
        .where(and(eq(bookings.status, "confirmed"), isNull(bookings.reminderQueuedAt), gt(bookings.startsAt, now), lte(bookings.startsAt, remindBy)))
        .returning(),
    (tx, booking) => enqueueEmail(tx, { to: booking.email, template: "booking-reminder", props: bookingEmailProps(booking) }),
  );
}

/**
 * Retention: declined, cancelled and expired requests are deleted, with the
 * emails about them, `closedRequestRetentionDays` after they closed.
 * Completed sessions and no-shows are part of the client's record and stay.
 */
export async function purgeClosedBookings(now = new Date()): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - practice.booking.closedRequestRetentionDays * DAY);
  return db.transaction(async (tx) => {
    const purged = await tx
      .delete(bookings)
      .where(and(inArray(bookings.status, ["declined", "cancelled", "expired"]), lt(bookings.closedAt, cutoff)))
      .returning({ id: bookings.id });
    const ids = purged.map((row) => row.id);
    if (ids.length > 0) await tx.delete(outboxEmails).where(aboutBookings(ids));
    return ids.length;
  });
}

export type BookingSweepSummary = { released: number; expired: number; reminded: number; purged: number };

export async function runBookingSweep(now = new Date()): Promise<BookingSweepSummary> {
  const released = await releaseLapsedHolds(await getDb(), now);
  const expired = await expireBookingRequests(now);
  const reminded = await queueBookingReminders(now);
  const purged = await purgeClosedBookings(now);
  return { released, expired, reminded, purged };
}
