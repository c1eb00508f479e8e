import "server-only";
import { practice } from "@/lib/practice/practice";
import type { EmailAttachment } from "@/lib/email/transport";
import { env, siteUrl } from "@/lib/env";
import { buildCalendar, type CalendarEvent } from "./ics";
import { formatLabels } from "./session-types";

export type BookingEventInput = {
  bookingId: string;
  sessionName: string;
  startsAt: Date;
  endsAt: Date;
  format: "telehealth" | "in-person";
  status: "requested" | "confirmed" | "cancelled";
  sequence: number;
};

function uid(bookingId: string) {
  return `${bookingId}@${new URL(env().APP_URL).hostname}`;
}

function icsStatus(status: BookingEventInput["status"]): CalendarEvent["status"] {
  return status === "confirmed" ? "CONFIRMED" : status === "cancelled" ? "CANCELLED" : "TENTATIVE";
}

/** The visitor's copy: where to go or how to join, and nothing they told us. */
export function visitorBookingCalendar(booking: BookingEventInput, now: Date): string {
  const inPerson = booking.format === "in-person";
  return buildCalendar({
    now,
    events: [
      {
        uid: uid(booking.bookingId),
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        summary: `${booking.sessionName} with ${practice.name}`,
        location: inPerson ? practice.booking.inPersonAddress.join(", ") : formatLabels.telehealth,
        description: [
          inPerson ? `In person at ${practice.booking.inPersonAddress.join(", ")}.` : practice.booking.telehealthInstructions,
          booking.status === "requested" ? `Not confirmed yet: ${practice.therapist.name} will confirm by email.` : "",
          `Questions: ${practice.contactEmail}${practice.phone ? ` or ${practice.phone}` : ""}.`,
        ]
          .filter(Boolean)
          .join("\n\n"),
        status: icsStatus(booking.status),
        sequence: booking.sequence,
      },
    ],
  });
}

/**
 * The visitor's copy as an email attachment. Made when the email is sent, so
 * the outbox stores no file and the attachment always matches the email.
 */
export function visitorBookingAttachment(booking: BookingEventInput, now = new Date()): EmailAttachment {
  return {
    filename: "appointment.ics",
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    content: Buffer.from(visitorBookingCalendar(booking, now), "utf8").toString("base64"),
  };
}

/**
 * The therapist's private feed. Calendar apps sync events to servers the
 * practice has no agreement with, so an event says only the kind of session
 * and how it happens; who it is stays behind the private area's link.
 */
export function therapistFeedCalendar(bookings: BookingEventInput[], now: Date): string {
  return buildCalendar({
    now,
    name: `${practice.name} sessions`,
    events: bookings.map((booking) => ({
      uid: uid(booking.bookingId),
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      summary: `${booking.sessionName} (${formatLabels[booking.format].toLowerCase()})`,
      description: `Details in the private area: ${siteUrl(`/admin/requests/${booking.bookingId}`)}`,
      status: icsStatus(booking.status),
      sequence: booking.sequence,
    })),
  });
}
