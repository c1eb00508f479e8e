import { Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import {
  AppointmentDetails,
  BookAgainButton,
  type BookAgainProps,
  type BookingEmailProps,
  previewBookAgain,
  previewBooking,
  TherapistNote,
} from "./components/booking-details";
import { EmailLayout, paragraph, SignOff } from "./components/email-layout";

export type BookingCancelledProps = BookingEmailProps & BookAgainProps & { by: "visitor" | "therapist"; note: string | null };

/** Sent to the visitor when a booking is cancelled, by them or by the therapist. */
export default function BookingCancelledEmail({ by, note, bookUrl, ...booking }: BookingCancelledProps) {
  return (
    <EmailLayout preview="Your appointment has been cancelled.">
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        {by === "visitor"
          ? "As you asked, this appointment has been cancelled:"
          : `${practice.therapist.name} has had to cancel this appointment. We are sorry for the change:`}
      </Text>
      <AppointmentDetails {...booking} />
      <TherapistNote note={note} />
      <Text style={paragraph}>Whenever you are ready, you are welcome to book another time.</Text>
      <BookAgainButton bookUrl={bookUrl} />
      <SignOff afterButton />
    </EmailLayout>
  );
}

BookingCancelledEmail.PreviewProps = { ...previewBooking, ...previewBookAgain, by: "visitor", note: null } satisfies BookingCancelledProps;
