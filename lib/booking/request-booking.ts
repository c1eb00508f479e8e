import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, eq, gt, inArray, sql } from "drizzle-orm";
import { type Transaction, getDb } from "@/db/client";
import { type Booking, activeBookingStatuses, bookings } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { enqueueToUnverified } from "@/lib/email/unverified";
import { normaliseEmailAddress } from "@/lib/forms/email-address";
import type { FormResult } from "@/lib/forms/form-result";
import { perHour, publicForm, publicFormMessages } from "@/lib/forms/public-form";
import { findFreeSlots, isFreeSlot } from "./availability";
import { bookingEmailProps } from "./booking-emails";
import { HOLD_CODE_PURPOSE, HOLD_MINUTES, HOLDS_PER_NETWORK, holdExpiry, holdNetwork, liveHoldsOf, lockHoldNetwork, markEmailHeldBack, releaseLapsedHolds, stillHeld } from "./hold";
import { DOMAIN_OPEN_BOOKINGS, isMailboxProvider, registeredDomain } from "./mailbox-providers";
import { codeStepFor, issueEmailCode } from "@/lib/security/email-code";
import { isExclusionViolation, isUniqueViolation } from "@/lib/errors";
import { manageToken, manageTokenHash } from "./manage-link";
import { type BookingField, bookingFields, bookingRequestSchema } from "./schema";
import { type SessionType, findSessionType, formatLabels } from "./session-types";
import { formatDateTime } from "./format";
import { heldRange, nearestSlots } from "./slots";
import { licensedStatesText, locationName } from "@/lib/practice/us-states";
import { HOUR } from "@/lib/time";

// A day's window per address: nobody needs a sixth intake request in one day.
export const bookingForm = publicForm({
  name: "booking",
  schema: bookingRequestSchema,
  fields: bookingFields,
  limits: { perIp: perHour(10), perAddress: { max: 5, windowSeconds: 24 * 60 * 60 } },
});

/**
 * What a refused intake form shows beside its messages: `outOfState` (the
 * practice cannot see someone where they will be; nothing was stored) or
 * `alternatives` (the time was just taken; the nearest free times).
 */
export type BookingRefusalDetail = { outOfState?: { locationName: string }; alternatives?: TimeChoice[] };

export type BookingRequestState = FormResult<BookingField, undefined, BookingRefusalDetail>;

/** A time to pick, with its label already in the visitor's zone (so server and browser render it alike). */
export type TimeChoice = { startsAt: string; label: string };

/**
 * Held until the visitor types the code from the email (`stepToken` addresses
 * the page that asks for it); the manage link goes only to the address. Or
 * held with the email held back (lib/email/unverified.ts): she is told so and
 * the therapist sees the request, marked.
 */
export type RequestBookingResult = BookingRequestState | { status: "held"; bookingId: string; stepToken: string } | { status: "held-back"; bookingId: string };

export const TAKEN = "That time was just taken by someone else.";

export const TOO_MANY_HOLDS = `You already have ${HOLDS_PER_NETWORK} times held that are waiting for the code from their email. Please type the code for one of them, or wait up to ${HOLD_MINUTES} minutes for them to be released, and then send this again. Nothing was booked, and everything you typed is still here.`;

type Replayed = Pick<Booking, "id" | "email" | "startsAt" | "emailHeldBackAt">;

/**
 * A form key already used is a resubmission only if it carries the same
 * address and time; anything else sent with that key (someone who saw it, or
 * guessed it from a shared screen) is refused like a stale form and learns
 * nothing about the booking.
 */
function sameSubmission(first: Replayed, request: { email: string; startsAt: string }): boolean {
  return normaliseEmailAddress(first.email) === normaliseEmailAddress(request.email) && first.startsAt.getTime() === new Date(request.startsAt).getTime();
}

/**
 * Books a time from /book's intake form, once the public-form pipeline has
 * let it through. The time is held at once, but only for HOLD_MINUTES
 * (lib/booking/hold.ts) and at most HOLDS_PER_NETWORK at once per client
 * network: the one email sent carries a code the visitor types on the next
 * page (or a link), and only then does the therapist hear of it. The row is
 * inserted in one transaction with that email, and the database's exclusion
 * constraint, not a check before the insert, is what stops two people
 * holding overlapping times. Every other refusal writes nothing but its
 * rate-limit count.
 */
export const requestBooking = bookingForm.handle(async (request, { now, ip, formKeyHash, refuse }): Promise<RequestBookingResult> => {
  const sessionType = findSessionType(request.sessionType);
  if (!sessionType) return refuse({ formError: "That kind of appointment is not offered. Please start again from the booking page." });
  if (!sessionType.formats.includes(request.format)) {
    const offered = sessionType.formats.map((format) => formatLabels[format].toLowerCase()).join(" or ");
    return refuse({ fieldErrors: { format: [`A ${sessionType.name.toLowerCase()} is offered ${offered} only.`] } });
  }
  if (!practice.licensedStates.includes(request.location)) {
    const where = locationName(request.location);
    return refuse({
      fieldErrors: {
        location: [
          `${practice.therapist.name} is licensed to see clients only while they are in ${licensedStatesText(practice.licensedStates)}, so she cannot see you while you are ${where === "outside the United States" ? where : `in ${where}`}.`,
        ],
      },
      detail: { outOfState: { locationName: where } },
    });
  }

  const db = await getDb();
  // The same rendered form sent twice (a double click, a resubmitted page): the first did the work.
  const replay = async () => {
    const [first] = await db
      .select({ id: bookings.id, email: bookings.email, startsAt: bookings.startsAt, emailHeldBackAt: bookings.emailHeldBackAt })
      .from(bookings)
      .where(eq(bookings.formKeyHash, formKeyHash));
    if (!first) return null;
    if (!sameSubmission(first, request)) return refuse({ formError: publicFormMessages.expired });
    if (first.emailHeldBackAt) return { status: "held-back" as const, bookingId: first.id };
    // Still waiting for its code: the same page again. Confirmed or lapsed: nothing more to do here.
    const step = await codeStepFor(db, HOLD_CODE_PURPOSE, first.id);
    return step ? { status: "held" as const, bookingId: first.id, stepToken: step.stepToken } : refuse({ formError: publicFormMessages.expired });
  };
  const already = await replay();
  if (already) return already;

  const startsAt = new Date(request.startsAt);
  const takenRefusal = async () => refuse({ formError: TAKEN, detail: { alternatives: await alternativesTo(sessionType, startsAt, now, request.timeZone) } });
  // A time outside the hours, too soon or too far: the page offered no such time.
  if (!(await isFreeSlot(sessionType, startsAt, { now }))) return takenRefusal();

  const id = randomUUID();
  const network = holdNetwork(ip);
  let result: RequestBookingResult;
  try {
    result = await db.transaction(async (tx): Promise<RequestBookingResult> => {
      // A lapsed hold frees its time even before the sweep has closed it.
      await releaseLapsedHolds(tx, now);
      await lockHoldNetwork(tx, network);
      if ((await liveHoldsOf(tx, network, now)) >= HOLDS_PER_NETWORK) return refuse({ formError: TOO_MANY_HOLDS });
      const therapistApproves = sessionType.confirmation === "immediate" && (await domainIsBusy(tx, request.email, now));
      const [booking] = await tx
        .insert(bookings)
        .values({
          id,
          sessionType: sessionType.slug,
          format: request.format,
          status: "requested",
          ...heldRange(sessionType, startsAt),
          name: request.name,
          email: request.email,
          phone: request.phone ?? null,
          location: request.location,
          whatBringsYou: request.whatBringsYou ?? null,
          heardAbout: request.heardAbout,
          payment: request.payment ?? null,
          insurancePlan: request.insurancePlan ?? null,
          therapistApproves,
          visitorTimeZone: request.timeZone,
          consentNoticeVersion: practice.privacy.noticeVersion,
          consentedAt: now,
          emergencyAcknowledgedAt: now,
          formKeyHash,
          manageTokenHash: manageTokenHash(manageToken(id)),
          holdExpiresAt: holdExpiry(now),
          holdNetwork: network,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const step = await issueEmailCode(tx, { purpose: HOLD_CODE_PURPOSE, subject: id, now });
      const queued = await enqueueToUnverified(
        tx,
        { to: request.email, template: "booking-hold", props: { ...bookingEmailProps(booking!), holdMinutes: HOLD_MINUTES, codeId: step.codeId, codeIssue: step.issue } },
        now,
        ip,
      );
      if (queued) return { status: "held", bookingId: id, stepToken: step.stepToken };
      await markEmailHeldBack(tx, id, now);
      return { status: "held-back", bookingId: id };
    });
  } catch (error) {
    if (isExclusionViolation(error)) return takenRefusal();
    if (isUniqueViolation(error, "booking_form_key_unique")) {
      const replayed = await replay();
      if (replayed) return replayed;
    }
    throw error;
  }
  return result;
});

const likePattern = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * Whether the address's domain already has DOMAIN_OPEN_BOOKINGS open
 * bookings (held, requested or confirmed, not yet over), counted under its
 * registered name so subdomains count together. Mailbox providers never are
 * (lib/booking/mailbox-providers.ts says why).
 */
async function domainIsBusy(tx: Transaction, email: string, now: Date): Promise<boolean> {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  if (isMailboxProvider(domain)) return false;
  const registered = registeredDomain(domain);
  const bookingDomain = sql`lower(reverse(split_part(reverse(${bookings.email}), '@', 1)))`;
  const [open] = await tx
    .select({ n: count() })
    .from(bookings)
    .where(
      and(
        inArray(bookings.status, [...activeBookingStatuses]),
        stillHeld(now),
        gt(bookings.endsAt, now),
        sql`(${bookingDomain} = ${registered} or ${bookingDomain} like ${`%.${likePattern(registered)}`})`,
      ),
    );
  return (open?.n ?? 0) >= DOMAIN_OPEN_BOOKINGS;
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
