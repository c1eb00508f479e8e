import "server-only";
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Transaction } from "@/db/client";
import { activeBookingStatuses, bookings, type Booking } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { enqueueEmail } from "@/lib/email/outbox";
import { confirmedByVisitor } from "./hold";
import { bookAgainUrl, bookingEmailProps } from "./booking-emails";
import type { Therapist } from "@/lib/auth/guards";
import { refused, type Outcome } from "@/lib/forms/outcome";
import { loadCalendarBusy } from "./busy-calendars/busy-calendars";
import { HOUR } from "@/lib/time";

export const therapistNoteSchema = z
  .string()
  .trim()
  .max(1000, "Please keep the note under 1,000 characters.")
  .optional()
  .transform((value) => value || null);

export type DecisionOutcome = Outcome<
  { bookingId: string; bookingStatus: Booking["status"] },
  "not-found" | "not-awaiting-answer" | "not-active" | "not-started" | "invalid-note" | "busy-in-calendar"
>;
type DecisionRefused = Extract<DecisionOutcome, { status: "refused" }>;

const isUuid = (id: string) => z.uuid().safeParse(id).success;

const notFound = refused("not-found", "There is no such booking.");

async function refusalFor(bookingId: string, expected: DecisionRefused): Promise<DecisionOutcome> {
  const db = await getDb();
  const [exists] = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, bookingId));
  return exists ? expected : notFound;
}

/**
 * Confirms a request that is still waiting for an answer and has not lapsed.
 * The visitor's confirmation carries the appointment as an .ics file. A
 * request whose time (buffers included) now overlaps a busy time in one of
 * her own calendars, added since it was asked for, is confirmed only with
 * `despiteBusy`: she is warned first.
 */
export async function confirmBooking(
  therapist: Therapist,
  bookingId: string,
  { now = new Date(), note, despiteBusy = false }: { now?: Date; note?: string; despiteBusy?: boolean } = {},
): Promise<DecisionOutcome> {
  if (!isUuid(bookingId)) return notFound;
  const parsedNote = therapistNoteSchema.safeParse(note);
  if (!parsedNote.success) return { status: "refused", reason: "invalid-note", message: parsedNote.error.issues[0]!.message };
  const db = await getDb();
  if (!despiteBusy) {
    const [request] = await db.select({ from: bookings.blockedFrom, until: bookings.blockedUntil }).from(bookings).where(and(eq(bookings.id, bookingId), eq(bookings.status, "requested")));
    if (request && (await loadCalendarBusy(request.from, request.until, db)).length > 0) {
      return { status: "refused", reason: "busy-in-calendar", message: "This time now overlaps a busy time in one of your calendars." };
    }
  }
  const remindBy = new Date(now.getTime() + practice.booking.reminderHoursBefore * HOUR);
  const confirmed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(bookings)
      .set({ status: "confirmed", confirmedAt: now, expiresAt: null, decidedBy: therapist.email, therapistNote: parsedNote.data, updatedAt: now })
      .where(and(eq(bookings.id, bookingId), eq(bookings.status, "requested"), confirmedByVisitor, or(isNull(bookings.expiresAt), gt(bookings.expiresAt, now))))
      .returning();
    if (!row) return null;
    // Confirmed inside the reminder window: the confirmation is the reminder.
    if (row.startsAt <= remindBy) await tx.update(bookings).set({ reminderQueuedAt: now }).where(eq(bookings.id, row.id));
    await enqueueEmail(tx, { to: row.email, template: "booking-confirmed", props: { ...bookingEmailProps(row), sequence: row.rescheduleCount, note: parsedNote.data } });
    return row;
  });
  if (!confirmed) {
    return refusalFor(bookingId, { status: "refused", reason: "not-awaiting-answer", message: "This request is no longer waiting for an answer (answered, cancelled or lapsed)." });
  }
  return { status: "done", bookingId, bookingStatus: "confirmed" };
}

type Closing = {
  /** The statuses the booking may be in for this to happen. */
  from: readonly Booking["status"][];
  changes: Partial<Booking> & { status: "declined" | "cancelled" };
  /** The visitor's email, with the note the therapist wrote (hers to send). */
  tell: (tx: Transaction, row: Booking, note: string | null) => Promise<unknown>;
  refusal: DecisionRefused;
};

/**
 * Closes a booking from the practice's side with an optional note: checks the
 * note, changes the row only if it is still in a state that allows it, and
 * queues the visitor's email in the same transaction.
 */
async function closeWithNote(therapist: Therapist, bookingId: string, note: string | undefined, now: Date, closing: Closing): Promise<DecisionOutcome> {
  if (!isUuid(bookingId)) return notFound;
  const parsedNote = therapistNoteSchema.safeParse(note);
  if (!parsedNote.success) return { status: "refused", reason: "invalid-note", message: parsedNote.error.issues[0]!.message };
  const db = await getDb();
  const closed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(bookings)
      .set({ ...closing.changes, therapistNote: parsedNote.data, closedAt: now, expiresAt: null, decidedBy: therapist.email, updatedAt: now })
      .where(and(eq(bookings.id, bookingId), inArray(bookings.status, [...closing.from]), confirmedByVisitor))
      .returning();
    if (!row) return null;
    await closing.tell(tx, row, parsedNote.data);
    return row;
  });
  if (!closed) return refusalFor(bookingId, closing.refusal);
  return { status: "done", bookingId, bookingStatus: closing.changes.status };
}

/** Declines a request, freeing its time; the visitor hears the optional note and where else to look. */
export async function declineBooking(therapist: Therapist, bookingId: string, { note }: { note?: string } = {}, { now = new Date() } = {}) {
  return closeWithNote(therapist, bookingId, note, now, {
    from: ["requested"],
    changes: { status: "declined" },
    tell: (tx, row, note) => enqueueEmail(tx, { to: row.email, template: "booking-declined", props: { ...bookingEmailProps(row), note } }),
    refusal: { status: "refused", reason: "not-awaiting-answer", message: "This request is no longer waiting for an answer." },
  });
}

/** Cancels a requested or confirmed booking from the practice's side, at any time. */
export async function cancelBookingAsTherapist(therapist: Therapist, bookingId: string, { note }: { note?: string } = {}, { now = new Date() } = {}) {
  return closeWithNote(therapist, bookingId, note, now, {
    from: activeBookingStatuses,
    changes: { status: "cancelled", cancelledBy: "therapist" },
    tell: (tx, row, note) =>
      enqueueEmail(tx, { to: row.email, template: "booking-cancelled", props: { ...bookingEmailProps(row), by: "therapist", note, bookUrl: bookAgainUrl() } }),
    refusal: { status: "refused", reason: "not-active", message: "This booking no longer holds a time." },
  });
}

async function markAttended(therapist: Therapist, bookingId: string, outcome: "completed" | "no_show", now: Date): Promise<DecisionOutcome> {
  if (!isUuid(bookingId)) return notFound;
  const db = await getDb();
  const [row] = await db
    .update(bookings)
    .set({ status: outcome, decidedBy: therapist.email, updatedAt: now })
    // Only a confirmed session that has started; a mistaken mark can be corrected to the other outcome.
    .where(and(eq(bookings.id, bookingId), inArray(bookings.status, ["confirmed", "completed", "no_show"]), lte(bookings.startsAt, now)))
    .returning({ id: bookings.id });
  if (!row) {
    return refusalFor(bookingId, { status: "refused", reason: "not-started", message: "Only a confirmed session that has started can be marked." });
  }
  return { status: "done", bookingId, bookingStatus: outcome };
}

/** Marks a confirmed session that has started as attended. */
export function markBookingCompleted(therapist: Therapist, bookingId: string, { now = new Date() } = {}) {
  return markAttended(therapist, bookingId, "completed", now);
}

/** Marks a confirmed session that has started as missed. */
export function markBookingNoShow(therapist: Therapist, bookingId: string, { now = new Date() } = {}) {
  return markAttended(therapist, bookingId, "no_show", now);
}
