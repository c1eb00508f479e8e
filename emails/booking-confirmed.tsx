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
  TherapistNote,
} from "./components/booking-details";
import { EmailLayout, paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";

// `note` is her own words on confirming; rows queued before it existed have none.
export type BookingConfirmedProps = BookingEmailProps & { sequence: number; note?: string | null };
type Shown = BookingConfirmedProps & ManageLinkProps & AppointmentProps & HowToAttendProps & PracticeProps & { changeCutoffHours: number };

/** Sent when a booking is confirmed; lib/email attaches the appointment as an .ics file. */
export default function BookingConfirmedEmail({ manageUrl, note = null, appointment, attend, changeCutoffHours, practice }: Shown) {
  return (
    <EmailLayout preview={`Your appointment with ${practice.name} is confirmed.`} practice={practice}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>Your appointment is confirmed. {practice.therapistName} looks forward to meeting you.</Text>
      <AppointmentDetails appointment={appointment} />
      <TherapistNote note={note} therapistName={practice.therapistName} />
      <HowToAttend attend={attend} />
      <Text style={paragraph}>
        The attached file adds the appointment to your calendar. You can move or cancel it online until{" "}
        {changeCutoffHours} hours before it starts:
      </Text>
      <ManageButton manageUrl={manageUrl} />
      <SignOff practice={practice} />
    </EmailLayout>
  );
}

BookingConfirmedEmail.PreviewProps = {
  ...previewBooking,
  sequence: 0,
  note: "Looking forward to it. Parking is behind the building.",
  ...previewManageLink,
  ...previewAppointment,
  ...previewHowToAttend,
  changeCutoffHours: 24,
  practice: previewPractice,
} satisfies Shown;
