import { Text } from "@react-email/components";
import {
  AppointmentDetails,
  type AppointmentProps,
  type BookingEmailProps,
  ManageButton,
  type ManageLinkProps,
  previewAppointment,
  previewBooking,
  previewManageLink,
} from "./components/booking-details";
import { EmailLayout, paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";

export type BookingRescheduledProps = BookingEmailProps & {
  previousStartsAt: string;
  status: "requested" | "confirmed";
  sequence: number;
};
/** `previousWhen`: the old start as the visitor's clocks showed it, "Monday, March 9, 2026 at 9:00 AM". */
type Shown = BookingRescheduledProps & ManageLinkProps & AppointmentProps & PracticeProps & { previousWhen: string };

/** Sent to the visitor when their booking moves; lib/email attaches the updated .ics to a confirmed one. */
export default function BookingRescheduledEmail({ previousWhen, status, manageUrl, appointment, practice }: Shown) {
  return (
    <EmailLayout preview="Your appointment has a new time." practice={practice}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>{`Your appointment has moved from ${previousWhen} to:`}</Text>
      <AppointmentDetails appointment={appointment} />
      <Text style={paragraph}>
        {status === "confirmed"
          ? "It is still confirmed; the attached file updates your calendar."
          : `${practice.therapistName} will confirm the new time by email.`}
      </Text>
      <ManageButton manageUrl={manageUrl} />
      <SignOff practice={practice} />
    </EmailLayout>
  );
}

BookingRescheduledEmail.PreviewProps = {
  ...previewBooking,
  previousStartsAt: "2026-03-09T16:00:00.000Z",
  status: "confirmed",
  sequence: 1,
  ...previewManageLink,
  ...previewAppointment,
  previousWhen: "Monday, March 9, 2026 at 9:00 AM",
  practice: previewPractice,
} satisfies Shown;
