import { Text } from "@react-email/components";
import {
  AppointmentDetails,
  type AppointmentProps,
  type BookingEmailProps,
  HowToAttend,
  type HowToAttendProps,
  ManageButton,
  type ManageLinkProps,
  previewAppointment,
  previewBooking,
  previewHowToAttend,
  previewManageLink,
} from "./components/booking-details";
import { EmailLayout, paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";

export type BookingReminderProps = BookingEmailProps;
type Shown = BookingReminderProps & ManageLinkProps & AppointmentProps & HowToAttendProps & PracticeProps & { lateCancellationPolicy: string };

/** Sent once, about a day before a confirmed appointment. */
export default function BookingReminderEmail({ manageUrl, appointment, attend, lateCancellationPolicy, practice }: Shown) {
  return (
    <EmailLayout preview="A reminder of your upcoming appointment." practice={practice}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>A gentle reminder of your appointment:</Text>
      <AppointmentDetails appointment={appointment} />
      <HowToAttend attend={attend} />
      <Text style={paragraph}>
        If you cannot make it, please let the practice know as soon as you can. {lateCancellationPolicy}
      </Text>
      <ManageButton manageUrl={manageUrl} />
      <SignOff practice={practice} />
    </EmailLayout>
  );
}

BookingReminderEmail.PreviewProps = {
  ...previewBooking,
  ...previewManageLink,
  ...previewAppointment,
  ...previewHowToAttend,
  lateCancellationPolicy:
    "Appointments can be cancelled or moved online until 24 hours before they start. After that, please call or email the practice; a session cancelled with less than 24 hours' notice may be charged in full, except in an emergency.",
  practice: previewPractice,
} satisfies Shown;
