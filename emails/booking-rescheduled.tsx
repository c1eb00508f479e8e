import { Text } from "@react-email/components";
import { formatDateTime } from "@/lib/booking/format";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, type BookingEmailProps, ManageButton, type ManageLinkProps, previewBooking, previewManageLink } from "./components/booking-details";
import { EmailLayout, paragraph, SignOff } from "./components/email-layout";

export type BookingRescheduledProps = BookingEmailProps &
  ManageLinkProps & {
    previousStartsAt: string;
    status: "requested" | "confirmed";
    sequence: number;
  };

/** Sent to the visitor when their booking moves; lib/email attaches the updated .ics to a confirmed one. */
export default function BookingRescheduledEmail({ previousStartsAt, status, sequence: _sequence, manageUrl, ...booking }: BookingRescheduledProps) {
  return (
    <EmailLayout preview="Your appointment has a new time.">
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        {`Your appointment has moved from ${formatDateTime(new Date(previousStartsAt), booking.timeZone)} to:`}
      </Text>
      <AppointmentDetails {...booking} />
      <Text style={paragraph}>
        {status === "confirmed"
          ? "It is still confirmed; the attached file updates your calendar."
          : `${practice.therapist.name} will confirm the new time by email.`}
      </Text>
      <ManageButton manageUrl={manageUrl} />
      <SignOff />
    </EmailLayout>
  );
}

BookingRescheduledEmail.PreviewProps = {
  ...previewBooking,
  ...previewManageLink,
  previousStartsAt: "2026-03-09T16:00:00.000Z",
  status: "confirmed",
  sequence: 1,
} satisfies BookingRescheduledProps;
