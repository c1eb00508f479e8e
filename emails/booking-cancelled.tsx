import { Text } from "@react-email/components";
import {
  AppointmentDetails,
  type AppointmentProps,
  BookAgainButton,
  type BookAgainProps,
  type BookingEmailProps,
  previewAppointment,
  previewBookAgain,
  previewBooking,
  TherapistNote,
} from "./components/booking-details";
import { EmailLayout, paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";

// `bookUrl` is stored since it became part of the email; rows queued before then get it when they are sent.
export type BookingCancelledProps = BookingEmailProps & Partial<BookAgainProps> & { by: "visitor" | "therapist"; note: string | null };
type Shown = BookingCancelledProps & BookAgainProps & AppointmentProps & PracticeProps;

/** Sent to the visitor when a booking is cancelled, by them or by the therapist. */
export default function BookingCancelledEmail({ by, note, bookUrl, appointment, practice }: Shown) {
  return (
    <EmailLayout preview="Your appointment has been cancelled." practice={practice}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        {by === "visitor"
          ? "As you asked, this appointment has been cancelled:"
          : `${practice.therapistName} has had to cancel this appointment. We are sorry for the change:`}
      </Text>
      <AppointmentDetails appointment={appointment} />
      <TherapistNote note={note} therapistName={practice.therapistName} />
      <Text style={paragraph}>Whenever you are ready, you are welcome to book another time.</Text>
      <BookAgainButton bookUrl={bookUrl} />
      <SignOff practice={practice} afterButton />
    </EmailLayout>
  );
}

BookingCancelledEmail.PreviewProps = {
  ...previewBooking,
  ...previewBookAgain,
  by: "visitor",
  note: null,
  ...previewAppointment,
  practice: previewPractice,
} satisfies Shown;
