import "server-only";
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/db/client";
import { activeBookingStatuses, bookings, type Booking } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { tokenButton } from "@/lib/forms/token-form";
import { practice } from "@/lib/practice/practice";
import { bookingEmailProps, notifyTherapist } from "./booking-emails";
import { formatDateTime, zoneLabel } from "./format";
import { manageTokenHash } from "./manage-link";
import { isIssuedToken } from "@/lib/security/issued-token";
import { findSessionType } from "./session-types";

/**
 * How long a time typed on /book is held before the visitor confirms it from
 * the email. Nobody has proven the address yet, so this is all a script that
 * rotates addresses can take from the calendar: each time it asks for is
 * free again this long after.
 */
export const HOLD_MINUTES = 30;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

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

/** Bookings the visitor confirmed from the email: the only ones the therapist sees. */
export const confirmedByVisitor = isNull(bookings.holdExpiresAt);

/**
 * Closes holds nobody confirmed in time, freeing their times. No email: the
 * address was never proven, and the visitor was told the time is held for
 * HOLD_MINUTES only. Run by the sweep, and inside a new request's transaction
 * so the overlap constraint never counts a lapsed hold.
 */
export async function releaseLapsedHolds(executor: Database | Transaction, now = new Date()): Promise<number> {
  const released = await executor
    .update(bookings)
    .set({ status: "expired", closedAt: now, updatedAt: now })
    .where(and(inArray(bookings.status, [...activeBookingStatuses]), lte(bookings.holdExpiresAt, now)))
    .returning({ id: bookings.id });
  return released.length;
}

/** What the confirm page may show of a held time: the appointment, nothing the visitor typed. */
export type HeldTime = { sessionName: string; when: string; zone: string; format: Booking["format"]; holdMinutes: number };

export type HoldState = { state: "held"; time: HeldTime } | { state: "confirmed" } | { state: "gone" };

/** What the link in a hold's email opens: the held time, one already confirmed, or nothing (lapsed, cancelled or forged). */
export async function holdByToken(token: string, now = new Date()): Promise<HoldState> {
  if (!isIssuedToken(token)) return { state: "gone" };
  const db = await getDb();
  const [booking] = await db.select().from(bookings).where(eq(bookings.manageTokenHash, manageTokenHash(token)));
  if (!booking || !(activeBookingStatuses as readonly string[]).includes(booking.status)) return { state: "gone" };
  if (booking.holdExpiresAt === null) return { state: "confirmed" };
  if (booking.holdExpiresAt <= now) return { state: "gone" };
  return {
    state: "held",
    time: {
      sessionName: findSessionType(booking.sessionType)?.name ?? "Appointment",
      when: formatDateTime(booking.startsAt, booking.visitorTimeZone),
      zone: zoneLabel(booking.visitorTimeZone, booking.startsAt),
      format: booking.format,
      holdMinutes: Math.max(1, Math.ceil((booking.holdExpiresAt.getTime() - now.getTime()) / MINUTE)),
    },
  };
}

/** "Confirm this time" on the page the hold's email opens, behind the door of every emailed-token form. */
export const confirmHoldButton = tokenButton("booking-hold-confirm").handle(async ({ token, now }) => ({ status: "success" as const, outcome: await confirmHold(token, now) }));

/**
 * The visitor's one press on the page the hold's email links to (a POST: a
 * mail scanner that opens the link confirms nothing). The address is proven
 * now, so only now does the therapist hear of it, and an "immediate" session
 * type becomes confirmed, with its .ics. One UPDATE claims the hold, so two
 * presses send one set of emails.
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
    if (!held) return "gone";
    if (held.holdExpiresAt === null) return "already";
    if (held.holdExpiresAt <= now) return "gone";
    // A consultation from a domain that already had open bookings waits for the therapist (request-booking.ts).
    const immediate = findSessionType(held.sessionType)?.confirmation === "immediate" && !held.therapistApproves;
    const remindNow = held.startsAt.getTime() - now.getTime() <= practice.booking.reminderHoursBefore * HOUR;
    const [booking] = await tx
      .update(bookings)
      .set({
        holdExpiresAt: null,
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
    const props = bookingEmailProps(booking!);
    if (immediate) {
      await enqueueEmail(tx, { to: booking!.email, template: "booking-confirmed", props: { ...props, sequence: 0 } });
    } else {
      await enqueueEmail(tx, { to: booking!.email, template: "booking-requested", props: { ...props, expiryHours: practice.booking.requestExpiryHours } });
    }
    await notifyTherapist(tx, booking!.id, immediate ? "booked" : "requested", now);
    return "confirmed";
  });
}
