import { visitorBookingCalendar } from "@/lib/booking/calendar";
import type { EmailAttachment } from "../index";
import type { BookingEmailProps } from "./booking-details";

/**
 * The appointment as an .ics file, built when the email is sent from the
 * outbox row's props (id, times, format), so the outbox stores no file and
 * the attachment always matches the email's text.
 */
export function bookingCalendarAttachment(
  props: BookingEmailProps & { status: "requested" | "confirmed"; sequence?: number },
  now = new Date(),
): EmailAttachment {
  const ics = visitorBookingCalendar(
    {
      bookingId: props.bookingId,
      sessionName: props.sessionName,
      startsAt: new Date(props.startsAt),
      endsAt: new Date(props.endsAt),
      format: props.format,
      status: props.status,
      sequence: props.sequence ?? 0,
    },
    now,
  );
  return { filename: "appointment.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: Buffer.from(ics, "utf8").toString("base64") };
}
