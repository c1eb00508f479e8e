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

export type BookingRequestedProps = BookingEmailProps & { expiryHours: number };
type Shown = BookingRequestedProps & ManageLinkProps & AppointmentProps & PracticeProps;

/** Sent when a visitor asks for a time that the therapist confirms. Repeats none of their answers. */
export default function BookingRequestedEmail({ expiryHours, manageUrl, appointment, practice }: Shown) {
  return (
    <EmailLayout preview="Your requested time is held while it is confirmed." practice={practice}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        Thank you for your request. The time below is held for you while {practice.therapistName} looks at it; you will
        hear back within {expiryHours} hours, by email.
      </Text>
      <AppointmentDetails appointment={appointment} />
      <Text style={paragraph}>
        For your privacy this email does not repeat what you told us. You can see your request, add it to your calendar,
        move it or cancel it here:
      </Text>
      <ManageButton manageUrl={manageUrl} />
      <SignOff practice={practice} />
    </EmailLayout>
  );
}

BookingRequestedEmail.PreviewProps = {
  ...previewBooking,
  expiryHours: 48,
  ...previewManageLink,
  ...previewAppointment,
  practice: previewPractice,
} satisfies Shown;
