import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activeBookingStatuses, bookings, type Booking } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { enqueueEmail } from "@/lib/email/outbox";
import { tokenForm } from "@/lib/forms/token-form";
import { isFreeSlot } from "./availability";
import { confirmedByVisitor } from "./hold";
import { bookAgainUrl, bookingEmailProps, notifyTherapist } from "./booking-emails";
import { visitorBookingCalendar } from "./calendar";
import { isExclusionViolation } from "@/lib/errors";
import { refusal, type FormResult } from "@/lib/forms/form-result";
import { manageTokenHash } from "./manage-link";
import { isIssuedToken } from "@/lib/security/issued-token";
import { cancelBookingSchema, rescheduleBookingSchema } from "./manage-schema";
import { TAKEN, type TimeChoice, alternativesTo } from "./request-booking";
import { findSessionType } from "./session-types";
import { heldRange } from "./slots";
import { DAY, HOUR } from "@/lib/time";

/** What the manage page may show: the appointment and its state, none of the intake answers. */
export type ManagedBooking = {
  id: string;
  status: Booking["status"];
  sessionType: string;
  sessionName: string;
  format: Booking["format"];
  name: string;
  startsAt: Date;
  endsAt: Date;
  visitorTimeZone: string;
  therapistNote: string | null;
  cancelledBy: Booking["cancelledBy"];
  expiresAt: Date | null;
  /** Cancel and reschedule are open (active, and before the cut-off). */
  canChange: boolean;
  /** When online changes close. */
  changeCutoffAt: Date;
};

function toManaged(booking: Booking, now: Date): ManagedBooking {
  const changeCutoffAt = new Date(booking.startsAt.getTime() - practice.booking.changeCutoffHours * HOUR);
  const active = (activeBookingStatuses as readonly string[]).includes(booking.status);
  return {
    id: booking.id,
    status: booking.status,
    sessionType: booking.sessionType,
    sessionName: findSessionType(booking.sessionType)?.name ?? "Appointment",
    format: booking.format,
    name: booking.name,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    visitorTimeZone: booking.visitorTimeZone,
    therapistNote: booking.status === "declined" || booking.status === "cancelled" ? booking.therapistNote : null,
    cancelledBy: booking.cancelledBy,
    expiresAt: booking.expiresAt,
    canChange: active && now < changeCutoffAt,
    changeCutoffAt,
  };
}

/** The link stops working this long after the appointment; purges remove closed ones sooner. */
function linkExpired(booking: Booking, now: Date) {
  return now.getTime() > booking.endsAt.getTime() + practice.booking.manageLinkDaysAfterSession * DAY;
}

async function bookingByToken(token: string, now: Date): Promise<Booking | null> {
  if (!isIssuedToken(token)) return null;
  const db = await getDb();
  // A hold opens only its confirm page (lib/booking/hold.ts) until the visitor confirms it.
  const [booking] = await db.select().from(bookings).where(and(eq(bookings.manageTokenHash, manageTokenHash(token)), confirmedByVisitor));
  if (!booking || linkExpired(booking, now)) return null;
  return booking;
}

/**
 * The booking behind a manage link, or null for a wrong, malformed or expired
 * token: the page shows the same "not found" for each, so a guess learns
 * nothing.
 */
export async function findManagedBooking(token: string, now = new Date()): Promise<ManagedBooking | null> {
  const booking = await bookingByToken(token, now);
  return booking ? toManaged(booking, now) : null;
}

/** The booking as an .ics file for "add to calendar", or null as above. */
export async function managedBookingCalendar(token: string, now = new Date()): Promise<string | null> {
  const booking = await bookingByToken(token, now);
  if (!booking || !(activeBookingStatuses as readonly string[]).includes(booking.status)) return null;
  return visitorBookingCalendar(
    {
      bookingId: booking.id,
      sessionName: findSessionType(booking.sessionType)?.name ?? "Appointment",
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      format: booking.format,
      status: booking.status === "confirmed" ? "confirmed" : "requested",
      sequence: booking.rescheduleCount,
    },
    now,
  );
}

/** What a refused change shows beside its message: the nearest free times, or that no booking was found. */
export type ManageRefusalDetail = { alternatives?: TimeChoice[]; notFound?: boolean };
export type ManageFormState = FormResult<"startsAt" | "token", undefined, ManageRefusalDetail>;

/** What a manage action answers: done (the page reloads with the news) or a refusal with a reason to show. */
export type ManageActionResult = ManageFormState | { status: "done"; token: string; outcome: "cancelled" | "rescheduled" };

const refused = (formError: string, extra: { startsAt?: string; detail?: ManageRefusalDetail } = {}): ManageFormState =>
  refusal({ formError, fieldErrors: extra.startsAt ? { startsAt: [extra.startsAt] } : {}, detail: extra.detail });

const NOT_FOUND = refused("We could not find that booking.", { detail: { notFound: true } });
const CLOSED = `Online changes closed ${practice.booking.changeCutoffHours} hours before the appointment. ${practice.booking.lateCancellationPolicy}`;
const TOO_MANY = "Too many changes from your network in a short time. Please wait an hour, or call or email the practice.";

/**
 * The manage page's two forms: the token from the email is their credential.
 * Anything refused at the door before the token is looked up reads as a
 * booking not found, so a guess learns nothing.
 */
export const manageForm = tokenForm({
  name: "booking:manage",
  limits: { perIp: { max: 30, windowSeconds: 60 * 60 } },
  refused: (formError, reason) => (reason === "unknown-token" ? NOT_FOUND : reason === "too-many" ? refused(TOO_MANY) : refused(formError)),
  ourFault: () =>
    refused("We could not change your booking just now because of a problem on our side. Nothing has changed; please try again in a few minutes, or contact the practice."),
});

/** Cancels from the manage page. Refused once the cut-off has passed, or when the booking no longer holds a time. */
export const cancelBookingByVisitor = manageForm.handle(async ({ form, now }): Promise<ManageActionResult> => {
  const parsed = cancelBookingSchema.safeParse(form.fields);
  if (!parsed.success) return NOT_FOUND;
  const booking = await bookingByToken(parsed.data.token, now);
  if (!booking) return NOT_FOUND;
  const view = toManaged(booking, now);
  if (!(activeBookingStatuses as readonly string[]).includes(booking.status)) {
    return refused("This booking no longer holds a time, so there is nothing to cancel.");
  }
  if (!view.canChange) return refused(CLOSED);

  const db = await getDb();
  const changed = await db.transaction(async (tx) => {
    // The status and the cut-off are checked again in the write, so a confirm, an expiry or the clock cannot slip between.
    const [cancelled] = await tx
      .update(bookings)
      .set({ status: "cancelled", cancelledBy: "visitor", closedAt: now, expiresAt: null, updatedAt: now })
      .where(
        and(
          eq(bookings.id, booking.id),
          inArray(bookings.status, [...activeBookingStatuses]),
          gt(bookings.startsAt, new Date(now.getTime() + practice.booking.changeCutoffHours * HOUR)),
        ),
      )
      .returning();
    if (!cancelled) return false;
    await enqueueEmail(tx, { to: cancelled.email, template: "booking-cancelled", props: { ...bookingEmailProps(cancelled), by: "visitor", note: null, bookUrl: bookAgainUrl() } });
    await notifyTherapist(tx, cancelled, "cancelled", now);
    return true;
  });
  if (!changed) return refused("This booking changed just now; please look at it again.");
  return { status: "done", token: parsed.data.token, outcome: "cancelled" };
});

/**
 * Moves a booking to another free time. One UPDATE frees the old time and
 * holds the new one: the exclusion constraint sees the row's new range
 * against every other booking, and never against the row's old self.
 */
export const rescheduleBookingByVisitor = manageForm.handle(async ({ token, form, now }): Promise<ManageActionResult> => {
  const parsed = rescheduleBookingSchema.safeParse(form.fields);
  const booking = await bookingByToken(token, now);
  if (!booking) return NOT_FOUND;
  if (!parsed.success) {
    return refused("Please choose a new time.", { startsAt: "Please choose a new time." });
  }
  const view = toManaged(booking, now);
  if (!(activeBookingStatuses as readonly string[]).includes(booking.status)) {
    return refused("This booking no longer holds a time. You are welcome to book a new one.");
  }
  if (!view.canChange) return refused(CLOSED);
  const sessionType = findSessionType(booking.sessionType);
  if (!sessionType) return refused("This kind of appointment can no longer be moved online; please contact the practice.");

  const startsAt = new Date(parsed.data.startsAt);
  if (startsAt.getTime() === booking.startsAt.getTime()) {
    return refused("That is the time you already have. Please choose another.", { startsAt: "Please choose a different time." });
  }
  const taken = async () =>
    refused(`${TAKEN} Your booking still has its old time; please choose another.`, {
      startsAt: "Please choose another time.",
      detail: { alternatives: await alternativesTo(sessionType, startsAt, now, booking.visitorTimeZone, booking.id) },
    });
  if (!(await isFreeSlot(sessionType, startsAt, { now, except: booking.id }))) return taken();

  const held = heldRange(sessionType, startsAt);
  const remindNow = startsAt.getTime() - now.getTime() <= practice.booking.reminderHoursBefore * HOUR;
  const db = await getDb();
  try {
    const moved = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(bookings)
        .set({
          ...held,
          rescheduleCount: sql`${bookings.rescheduleCount} + 1`,
          // A request still waiting must be answered before its new time, too.
          expiresAt: sql`case when ${bookings.status} = 'requested' then least(${bookings.expiresAt}, ${startsAt.toISOString()}::timestamptz) else ${bookings.expiresAt} end`,
          // A new time earns a new reminder, unless the new time is already close: this email serves.
          reminderQueuedAt: remindNow ? now : null,
          updatedAt: now,
        })
        .where(
          and(
            eq(bookings.id, booking.id),
            inArray(bookings.status, [...activeBookingStatuses]),
            eq(bookings.startsAt, booking.startsAt),
            gt(bookings.startsAt, new Date(now.getTime() + practice.booking.changeCutoffHours * HOUR)),
          ),
        )
        .returning();
      if (!updated) return false;
      const status = updated.status === "confirmed" ? "confirmed" : "requested";
      await enqueueEmail(tx, {
        to: updated.email,
        template: "booking-rescheduled",
        props: { ...bookingEmailProps(updated), previousStartsAt: booking.startsAt.toISOString(), status, sequence: updated.rescheduleCount },
      });
      await notifyTherapist(tx, updated, "rescheduled", now);
      return true;
    });
    if (!moved) return refused("This booking changed just now; please look at it again.");
  } catch (error) {
    if (isExclusionViolation(error)) return taken();
    throw error;
  }
  return { status: "done", token, outcome: "rescheduled" };
});
