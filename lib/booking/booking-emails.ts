import "server-only";
import type { Transaction } from "@/db/client";
import type { Booking } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import type { BookingEmailProps, BookingNotificationProps } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { practice } from "@/lib/practice/practice";
import { adminBookingUrl } from "./manage-link";
import { findSessionType } from "./session-types";

type BookingFacts = Pick<Booking, "id" | "sessionType" | "startsAt" | "endsAt" | "visitorTimeZone" | "format">;

/**
 * What a booking email may say: the appointment, nothing the visitor typed. No
 * name or intake answer (location, phone, what brings them) is ever copied into
 * the outbox, and the manage link is derived when the email is rendered.
 */
export function bookingEmailProps(booking: BookingFacts): BookingEmailProps {
  return {
    bookingId: booking.id,
    sessionName: findSessionType(booking.sessionType)?.name ?? "Appointment",
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    timeZone: booking.visitorTimeZone,
    format: booking.format,
  };
}

/** Where a visitor whose time fell through chooses another. */
export function bookAgainUrl(): string {
  return new URL("/book", env().APP_URL).toString();
}

export async function notifyTherapist(tx: Transaction, bookingId: string, kind: BookingNotificationProps["kind"]) {
  await enqueueEmail(tx, { to: practice.notificationEmail, template: "booking-notification", props: { kind, bookingId, bookingUrl: adminBookingUrl(bookingId) } });
}
