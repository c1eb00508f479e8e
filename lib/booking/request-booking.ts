import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { enqueueEmail } from "@/lib/email/outbox";
import type { FormState } from "@/lib/forms/form-state";
import { fieldErrorsFrom, formKeySchema, readSubmittedForm, refused } from "@/lib/forms/parse-form";
import { hitRateLimit, type RateLimitRule } from "@/lib/security/rate-limit";
import { findFreeSlots, isFreeSlot } from "./availability";
import { bookingEmailProps, notifyTherapist } from "./booking-emails";
import { errorLabel, isExclusionViolation, isUniqueViolation } from "./db-errors";
import { manageToken, manageTokenHash } from "./manage-link";
import { type BookingField, bookingFields, bookingRequestSchema } from "./schema";
import { type SessionType, findSessionType, formatLabels } from "./session-types";
import { formatDateTime } from "./format";
import { heldRange, nearestSlots } from "./slots";
import { licensedStatesText, locationName } from "@/lib/practice/us-states";

export const bookingRateLimits = {
  perIp: { name: "booking:ip", max: 10, windowSeconds: 60 * 60 },
  perAddress: { name: "booking:address", max: 5, windowSeconds: 24 * 60 * 60 },
} satisfies Record<string, RateLimitRule>;

type Refusal = Extract<FormState<BookingField>, { status: "invalid" }>;

/**
 * What the intake form's action answers. A refusal keeps everything typed;
 * two refusals carry more: `outOfState` (the practice cannot see someone
 * where they will be; nothing was stored) and `alternatives` (the time was
 * just taken; the nearest free times).
 */
export type BookingRequestState =
  | { status: "idle" }
  | (Refusal & { outOfState?: { locationName: string }; alternatives?: TimeChoice[] });

/** A time to pick, with its label already in the visitor's zone (so server and browser render it alike). */
export type TimeChoice = { startsAt: string; label: string };

export type RequestBookingResult = BookingRequestState | { status: "requested"; bookingId: string; manageToken: string };

const TOO_MANY =
  "We have received several requests from you in a short time, so this one was not sent. Please try again later, or email or call the practice directly.";
export const TAKEN = "That time was just taken by someone else.";

const HOUR = 3_600_000;

/**
 * Books a time from /book's intake form. The request holds its time at once:
 * the row is inserted in one transaction with its emails, and the database's
 * exclusion constraint, not a check before the insert, is what stops two
 * people holding overlapping times. Every other refusal happens before the
 * transaction and writes nothing but its rate-limit count.
 */
export async function requestBooking(
  input: FormData | Record<string, unknown>,
  context: { ip: string; now?: Date },
): Promise<RequestBookingResult> {
  const now = context.now ?? new Date();
  const form = readSubmittedForm(input);
  const refuse = (problems: Parameters<typeof refused<BookingField>>[2]) => refused(form.fields, bookingFields, problems) as Refusal;

  if (!(await hitRateLimit(bookingRateLimits.perIp, context.ip, now))) return refuse({ formError: TOO_MANY });
  if (form.honeypotFilled) {
    return refuse({ formError: "This request looks automated, so it was not sent. Please leave the hidden “website” field empty." });
  }
  if (form.malformed.length > 0) return refuse({ formError: "This form was sent in a way we could not read. Please try again." });
  const formKey = formKeySchema.safeParse(form.formKey);
  if (!formKey.success) return refuse({ formError: "This form has expired. Please send it again." });

  const parsed = bookingRequestSchema.safeParse(form.fields);
  if (!parsed.success) return refuse(fieldErrorsFrom<BookingField>(parsed.error));
  const request = parsed.data;

  const sessionType = findSessionType(request.sessionType);
  if (!sessionType) return refuse({ formError: "That kind of appointment is not offered. Please start again from the booking page." });
  if (!sessionType.formats.includes(request.format)) {
    const offered = sessionType.formats.map((format) => formatLabels[format].toLowerCase()).join(" or ");
    return refuse({ fieldErrors: { format: [`A ${sessionType.name.toLowerCase()} is offered ${offered} only.`] } });
  }
  if (!practice.licensedStates.includes(request.location)) {
    const where = locationName(request.location);
    return {
      ...refuse({
        fieldErrors: {
          location: [`${practice.therapist.name} is licensed to see clients only while they are in ${licensedStatesText(practice.licensedStates)}, so she cannot see you while you are ${where === "outside the United States" ? where : `in ${where}`}.`],
        },
      }),
      outOfState: { locationName: where },
    };
  }
  if (!(await hitRateLimit(bookingRateLimits.perAddress, request.email.toLowerCase(), now))) return refuse({ formError: TOO_MANY });

  const db = await getDb();
  // The same rendered form sent twice (a double click, a resubmitted page): the first did the work.
  const already = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.formKey, formKey.data));
  if (already[0]) return { status: "requested", bookingId: already[0].id, manageToken: manageToken(already[0].id) };

  const startsAt = new Date(request.startsAt);
  const takenRefusal = async () => ({ ...refuse({ formError: TAKEN }), alternatives: await alternativesTo(sessionType, startsAt, now, request.timeZone) });
  // A time outside the hours, too soon or too far: the page offered no such time.
  if (!(await isFreeSlot(sessionType, startsAt, { now }))) return takenRefusal();

  const id = randomUUID();
  const held = heldRange(sessionType, startsAt);
  const immediate = sessionType.confirmation === "immediate";
  const remindNow = held.startsAt.getTime() - now.getTime() <= practice.booking.reminderHoursBefore * HOUR;
  try {
    await db.transaction(async (tx) => {
      const [booking] = await tx
        .insert(bookings)
        .values({
          id,
          sessionType: sessionType.slug,
          format: request.format,
          status: immediate ? "confirmed" : "requested",
          ...held,
          name: request.name,
          email: request.email,
          phone: request.phone ?? null,
          location: request.location,
          whatBringsYou: request.whatBringsYou ?? null,
          heardAbout: request.heardAbout,
          visitorTimeZone: request.timeZone,
          consentNoticeVersion: practice.privacy.noticeVersion,
          consentedAt: now,
          emergencyAcknowledgedAt: now,
          formKey: formKey.data,
          manageTokenHash: manageTokenHash(manageToken(id)),
          expiresAt: immediate ? null : new Date(Math.min(now.getTime() + practice.booking.requestExpiryHours * HOUR, startsAt.getTime())),
          confirmedAt: immediate ? now : null,
          // Booked inside the reminder window: the confirmation is the reminder.
          reminderQueuedAt: immediate && remindNow ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const props = bookingEmailProps(booking!);
      if (immediate) {
        await enqueueEmail(tx, { to: request.email, template: "booking-confirmed", props: { ...props, sequence: 0 } });
      } else {
        await enqueueEmail(tx, { to: request.email, template: "booking-requested", props: { ...props, expiryHours: practice.booking.requestExpiryHours } });
      }
      await notifyTherapist(tx, id, immediate ? "booked" : "requested");
    });
  } catch (error) {
    if (isExclusionViolation(error)) return takenRefusal();
    if (isUniqueViolation(error, "booking_form_key_unique")) {
      const [first] = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.formKey, formKey.data));
      if (first) return { status: "requested", bookingId: first.id, manageToken: manageToken(first.id) };
    }
    console.error("booking: request could not be stored:", errorLabel(error));
    throw error;
  }
  return { status: "requested", bookingId: id, manageToken: manageToken(id) };
}

export function timeChoice(startsAt: Date, zone: string): TimeChoice {
  return { startsAt: startsAt.toISOString(), label: formatDateTime(startsAt, zone) };
}

/** The free times nearest to one that was just taken, for the visitor to pick instead. */
export async function alternativesTo(sessionType: SessionType, startsAt: Date, now: Date, zone: string, except?: string): Promise<TimeChoice[]> {
  const week = 7 * 24 * HOUR;
  const around = await findFreeSlots(sessionType, { now, except, from: new Date(startsAt.getTime() - week), until: new Date(startsAt.getTime() + week) });
  const slots = around.length > 0 ? around : await findFreeSlots(sessionType, { now, except });
  return nearestSlots(slots, startsAt, 3).map((slot) => timeChoice(slot.startsAt, zone));
}
