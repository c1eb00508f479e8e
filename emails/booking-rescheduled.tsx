import { Text } from "@react-email/components";
import { formatDateTime } from "@/lib/booking/format";
import { manageBookingUrl } from "@/lib/booking/manage-link";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, type BookingEmailProps, ManageButton, previewBooking } from "./components/booking-details";
import { EmailLayout, paragraph } from "./components/email-layout";

export type BookingRescheduledProps = BookingEmailProps & {
  previousStartsAt: string;
  status: "requested" | "confirmed";
  sequence: number;
};

/** Sent to the visitor when their booking moves; a confirmed one carries the updated .ics. */
export default function BookingRescheduledEmail({ previousStartsAt, status, sequence: _sequence, ...booking }: BookingRescheduledProps) {
  return (
    <EmailLayout preview="Your appointment has a new time.">
      <Text style={paragraph}>{`Hello ${booking.name},`}</Text>
      <Text style={paragraph}>
        {`Your appointment has moved from ${formatDateTime(new Date(previousStartsAt), booking.timeZone)} to:`}
      </Text>
      <AppointmentDetails {...booking} />
      <Text style={paragraph}>
        {status === "confirmed"
          ? "It is still confirmed; the attached file updates your calendar."
          : `${practice.therapist.name} will confirm the new time by email.`}
      </Text>
      <ManageButton href={manageBookingUrl(booking.bookingId)} />
      <Text style={paragraph}>Warmly,<br />{practice.name}</Text>
    </EmailLayout>
  );
}

BookingRescheduledEmail.PreviewProps = {
  ...previewBooking,
  previousStartsAt: "2026-03-09T16:00:00.000Z",
  status: "confirmed",
  sequence: 1,
} satisfies BookingRescheduledProps;
