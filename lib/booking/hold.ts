import "server-only";
import { and, count, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/db/client";
import { activeBookingStatuses, bookings, emailCodes, type Booking } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { tokenButton } from "@/lib/forms/token-form";
import { practice } from "@/lib/practice/practice";
import { bookingEmailProps, notifyTherapist } from "./booking-emails";
import { formatDateTime, formatTime, zoneLabel } from "./format";
import { manageTokenHash } from "./manage-link";
import { isIssuedToken } from "@/lib/security/issued-token";
import { findSessionType } from "./session-types";
import { env } from "@/lib/env";
import { clientNetwork } from "@/lib/security/client-network";
import { keyedHash } from "@/lib/security/hash";
import { closeEmailCodeStep, findCodeStep, type OpenCodeStep } from "@/lib/security/email-code";
import { HOUR, MINUTE } from "@/lib/time";

/**
 * How long a time typed on /book is held before the visitor types the code
 * from the email (or follows its link). Nobody has proven the address yet,
 * so this is all a script that rotates addresses can take from the
 * calendar: each time it asks for is free again this long after. The code
 * lasts as long (EMAIL_CODE_MINUTES).
 */
export const HOLD_MINUTES = 10;

/**
 * Unconfirmed holds one client network (an IPv4 address, an IPv6 /64) may
 * have at once: a person books one time, perhaps a second by mistake; a
 * script rotating addresses gets no more.
 */
export const HOLDS_PER_NETWORK = 2;

/** Which purpose the booking's code step has (lib/security/email-code.ts); its subject is the booking's id. */
export const HOLD_CODE_PURPOSE = "booking-hold";

export function holdExpiry(now: Date): Date {
  return new Date(now.getTime() + HOLD_MINUTES * MINUTE);
}

/**
 * Whether a booking still holds its time: the visitor confirmed it, or the
 * hold has not lapsed. The slot query uses this, so a lapsed hold frees its
 * time at once, before any sweep has run.
 */
export function stillHeld(now: Date) {
  return or(isNull(bookings.holdExpiresAt), gt(bookings.holdExpiresAt, now));
}

/** Bookings the visitor confirmed from the email: the only ones the therapist acts on. */
export const confirmedByVisitor = isNull(bookings.holdExpiresAt);

/**
 * What the therapist's request room lists: confirmed bookings, and requests
 * whose confirming email was held back, so a visitor told "we could not
 * send the email, please call" is not invisible to her (marked as such).
 */
export const seenByTherapist = or(confirmedByVisitor, isNotNull(bookings.emailHeldBackAt))!;

/** The client network a hold is counted against, as stored: keyed, so the table names no address. */
export function holdNetwork(ip: string): string {
  return keyedHash(env().RATE_LIMIT_SALT, `hold:${clientNetwork(ip).client}`);
}

/**
 * How many times the network at `ip` holds unconfirmed now. Called inside the
 * request's transaction after lockHoldNetwork, so two requests from one
 * network at once cannot both see one hold and make three.
 */
export async function liveHoldsOf(tx: Transaction, network: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(bookings)
    .where(and(eq(bookings.holdNetwork, network), inArray(bookings.status, [...activeBookingStatuses]), gt(bookings.holdExpiresAt, now)));
  return row?.n ?? 0;
}

/** Serialises the hold count of one network for the rest of the transaction. */
export async function lockHoldNetwork(tx: Transaction, network: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`hold:${network}`}, 0))`);
}

/**
 * Closes holds nobody confirmed in time, freeing their times. No email: the
 * address was never proven, and the visitor was told the time is held for
 * HOLD_MINUTES only. Run by the sweep, and inside a new request's transaction
 * so the overlap constraint never counts a lapsed hold.
 */
export async function releaseLapsedHolds(executor: Database | Transaction, now = new Date()): Promise<number> {
  const released = await executor
    .update(bookings)
    .set({ status: "expired", holdNetwork: null, closedAt: now, updatedAt: now })
    .where(and(inArray(bookings.status, [...activeBookingStatuses]), lte(bookings.holdExpiresAt, now)))
    .returning({ id: bookings.id });
  // Their code steps can never be used now; the steps of held-back requests were closed already.
  if (released.length > 0) await executor.delete(emailCodes).where(and(eq(emailCodes.purpose, HOLD_CODE_PURPOSE), inArray(emailCodes.subject, released.map((row) => row.id))));
  return released.length;
}

/**
 * No code can reach her: the step is closed, and the request is marked so the
 * therapist sees it in her room although the address is not proven.
 */
export async function markEmailHeldBack(tx: Transaction, bookingId: string, now: Date): Promise<void> {
  await closeEmailCodeStep(tx, HOLD_CODE_PURPOSE, bookingId);
  await tx.update(bookings).set({ emailHeldBackAt: now, updatedAt: now }).where(eq(bookings.id, bookingId));
}

/** What the confirm page may show of a held time: the appointment, nothing the visitor typed. */
export type HeldTime = { sessionName: string; when: string; zone: string; format: Booking["format"]; holdMinutes: number; heldUntil: string };

export type HoldState = { state: "held"; time: HeldTime } | { state: "confirmed" } | { state: "gone" };

/** What the link in a hold's email opens: the held time, one already confirmed, or nothing (lapsed, cancelled or forged). */
export async function holdByToken(token: string, now = new Date()): Promise<HoldState> {
  if (!isIssuedToken(token)) return { state: "gone" };
  const db = await getDb();
  const [booking] = await db.select().from(bookings).where(eq(bookings.manageTokenHash, manageTokenHash(token)));
  if (!booking || !(activeBookingStatuses as readonly string[]).includes(booking.status)) return { state: "gone" };
  if (booking.holdExpiresAt === null) return { state: "confirmed" };
  if (booking.holdExpiresAt <= now) return { state: "gone" };
  return { state: "held", time: heldTime(booking, booking.holdExpiresAt, now) };
}

function heldTime(booking: Booking, holdExpiresAt: Date, now: Date): HeldTime {
  return {
    sessionName: findSessionType(booking.sessionType)?.name ?? "Appointment",
    when: formatDateTime(booking.startsAt, booking.visitorTimeZone),
    zone: zoneLabel(booking.visitorTimeZone, booking.startsAt),
    format: booking.format,
    holdMinutes: Math.max(1, Math.ceil((holdExpiresAt.getTime() - now.getTime()) / MINUTE)),
    heldUntil: formatTime(holdExpiresAt, booking.visitorTimeZone),
  };
}

export type CodeStepState = { state: "held"; time: HeldTime; step: OpenCodeStep } | { state: "gone" };

/**
 * What the page that asks for the code shows: the time held and until when,
 * and whether the code can still be typed; nothing the visitor typed. Gone
 * once the hold lapsed, was confirmed (the step is closed) or never was.
 */
export async function holdByCodeStep(stepToken: string, now = new Date()): Promise<CodeStepState> {
  if (!isIssuedToken(stepToken)) return { state: "gone" };
  const db = await getDb();
  const step = await findCodeStep(db, HOLD_CODE_PURPOSE, stepToken);
  if (!step) return { state: "gone" };
  const [booking] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, step.subject), inArray(bookings.status, [...activeBookingStatuses])));
  if (!booking?.holdExpiresAt || booking.holdExpiresAt <= now) return { state: "gone" };
  return { state: "held", time: heldTime(booking, booking.holdExpiresAt, now), step };
}

/** "Confirm this time" on the page the hold's email opens, behind the door of every emailed-token form. */
export const confirmHoldButton = tokenButton("booking-hold-confirm").handle(async ({ token, now }) => ({ status: "success" as const, outcome: await confirmHold(token, now) }));

/**
 * The visitor's one press on the page the hold's email links to (a POST: a
 * mail scanner that opens the link confirms nothing; with JavaScript the page
 * presses it itself). The address is proven now.
 */
export async function confirmHold(token: string, now = new Date()): Promise<"confirmed" | "already" | "gone"> {
  if (!isIssuedToken(token)) return "gone";
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [held] = await tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.manageTokenHash, manageTokenHash(token)), inArray(bookings.status, [...activeBookingStatuses])))
      .for("update");
    return held ? confirmHeldBooking(tx, held, now) : "gone";
  });
}

/**
 * Turns a hold whose address is now proven (its code typed, or its link
 * pressed) into a request: only now does the therapist hear of it, and an
 * "immediate" session type becomes confirmed, with its .ics. The caller has
 * locked the row, so two confirmations send one set of emails.
 */
export async function confirmHeldBooking(tx: Transaction, held: Booking, now: Date): Promise<"confirmed" | "already" | "gone"> {
  if (held.holdExpiresAt === null) return "already";
  if (held.holdExpiresAt <= now) return "gone";
  // A consultation from a domain that already had open bookings waits for the therapist (request-booking.ts).
  const immediate = findSessionType(held.sessionType)?.confirmation === "immediate" && !held.therapistApproves;
  const remindNow = held.startsAt.getTime() - now.getTime() <= practice.booking.reminderHoursBefore * HOUR;
  const [booking] = await tx
    .update(bookings)
    .set({
      holdExpiresAt: null,
      holdNetwork: null,
      status: immediate ? "confirmed" : "requested",
      confirmedAt: immediate ? now : null,
      // Confirmed inside the reminder window: the confirmation is the reminder.
      reminderQueuedAt: immediate && remindNow ? now : null,
      // The therapist's time to answer starts now, when she first sees it.
      expiresAt: immediate ? null : new Date(Math.min(now.getTime() + practice.booking.requestExpiryHours * HOUR, held.startsAt.getTime())),
      updatedAt: now,
    })
    .where(eq(bookings.id, held.id))
    .returning();
  await closeEmailCodeStep(tx, HOLD_CODE_PURPOSE, held.id);
  const props = bookingEmailProps(booking!);
  if (immediate) {
    await enqueueEmail(tx, { to: booking!.email, template: "booking-confirmed", props: { ...props, sequence: 0 } });
  } else {
    await enqueueEmail(tx, { to: booking!.email, template: "booking-requested", props: { ...props, expiryHours: practice.booking.requestExpiryHours } });
  }
  await notifyTherapist(tx, booking!, immediate ? "booked" : "requested", now);
  return "confirmed";
}
