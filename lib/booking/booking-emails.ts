import "server-only";
import type { Transaction } from "@/db/client";
import type { Booking } from "@/db/schema";
import { registerEmailAtSend } from "@/lib/email/at-send";
import { noticeToTherapist } from "@/lib/email/therapist-notices";
import type { AppointmentLines, BookingEmailProps, BookingNotificationProps } from "@/lib/email/templates";
import { siteUrl } from "@/lib/env";
import { practice } from "@/lib/practice/practice";
import { visitorBookingAttachment } from "./calendar";
import { formatAppointment, formatDateTime, zoneLabel } from "./format";
import { emailCodeOf } from "@/lib/security/email-code";
import { adminBookingUrl, confirmTimeUrl, manageBookingUrl } from "./manage-link";
import { feeLine, findSessionType, formatLabels } from "./session-types";

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
    fee: findSessionType(booking.sessionType)?.fee,
  };
}

/** Where a visitor whose time fell through chooses another. */
export function bookAgainUrl(): string {
  return siteUrl("/book");
}

/**
 * Tells the therapist, or counts into the summary she gets when ten minutes
 * have passed (lib/email/therapist-notices.ts). Her notice says the session
 * and when, on the practice's clock, so she can tell without signing in
 * whether it fits: never who asked or what they wrote.
 */
export async function notifyTherapist(
  tx: Transaction,
  booking: Pick<Booking, "id" | "sessionType" | "startsAt" | "endsAt">,
  kind: BookingNotificationProps["kind"],
  now = new Date(),
) {
  const props = {
    kind,
    bookingId: booking.id,
    bookingUrl: adminBookingUrl(booking.id),
    sessionName: findSessionType(booking.sessionType)?.name ?? "Appointment",
    when: formatAppointment(booking.startsAt, booking.endsAt, practice.timeZone),
  };
  await noticeToTherapist(tx, kind, { to: practice.notificationEmail, template: "booking-notification", props }, now);
}

/*
 * What a booking email shows beyond what the outbox stores, made each time it
 * is sent: the appointment in the visitor's zone, the practice's words for
 * this kind of email, the private links (never stored: they open the booking)
 * and the calendar file. Registered with lib/email when this module loads;
 * lib/server-start.ts loads it before the server takes requests.
 */

function appointmentLines(booking: BookingEmailProps): { appointment: AppointmentLines } {
  const startsAt = new Date(booking.startsAt);
  return {
    appointment: {
      sessionName: booking.sessionName,
      when: formatAppointment(startsAt, new Date(booking.endsAt), booking.timeZone),
      zone: zoneLabel(booking.timeZone, startsAt),
      format: formatLabels[booking.format],
      ...(booking.fee ? { fee: feeLine(booking.fee) } : {}),
    },
  };
}

function howToAttend(format: BookingEmailProps["format"]) {
  return format === "in-person" ? { inPersonAt: practice.booking.inPersonAddress } : { telehealth: practice.booking.telehealthInstructions };
}

const withManageLink = (booking: BookingEmailProps) => ({ ...appointmentLines(booking), manageUrl: manageBookingUrl(booking.bookingId) });
// Rows queued before the link was stored with the email have none.
const withBookAgainLink = (booking: BookingEmailProps & { bookUrl?: string }) => ({ ...appointmentLines(booking), bookUrl: booking.bookUrl ?? bookAgainUrl() });

const confirmedAppointment = (booking: BookingEmailProps & { sequence: number }) =>
  visitorBookingAttachment({ ...booking, startsAt: new Date(booking.startsAt), endsAt: new Date(booking.endsAt), status: "confirmed" });

registerEmailAtSend("booking-hold", {
  props: (booking) => ({
    ...appointmentLines(booking),
    confirmTimeUrl: confirmTimeUrl(booking.bookingId),
    ...(booking.codeId && booking.codeIssue ? { code: emailCodeOf(booking.codeId, booking.codeIssue) } : {}),
  }),
});
registerEmailAtSend("booking-requested", { props: withManageLink });
registerEmailAtSend("booking-confirmed", {
  props: (booking) => ({ ...withManageLink(booking), attend: howToAttend(booking.format), changeCutoffHours: practice.booking.changeCutoffHours }),
  attachments: (booking) => [confirmedAppointment(booking)],
});
registerEmailAtSend("booking-declined", {
  props: (booking) => ({ ...appointmentLines(booking), elsewhere: practice.booking.elsewhere.map((place) => `${place.name}: ${place.how}`) }),
});
registerEmailAtSend("booking-cancelled", { props: withBookAgainLink });
registerEmailAtSend("booking-expired", { props: withBookAgainLink });
registerEmailAtSend("booking-reminder", {
  props: (booking) => ({ ...withManageLink(booking), attend: howToAttend(booking.format), lateCancellationPolicy: practice.booking.lateCancellationPolicy }),
});
registerEmailAtSend("booking-rescheduled", {
  props: (booking) => ({ ...withManageLink(booking), previousWhen: formatDateTime(new Date(booking.previousStartsAt), booking.timeZone) }),
  attachments: (booking) => (booking.status === "confirmed" ? [confirmedAppointment(booking)] : []),
});
