import { Text } from "@react-email/components";
import { BookAgainButton, type BookAgainProps, type BookingEmailProps, BookingLetter, type LetterProps, previewBookAgain, previewBooking, previewLetter } from "./components/booking-details";
import { paragraph } from "./components/email-layout";

// `bookUrl` is stored since it became part of the email; rows queued before then get it when they are sent.
export type BookingCancelledProps = BookingEmailProps & Partial<BookAgainProps> & { by: "visitor" | "therapist"; note: string | null };
type Shown = BookingCancelledProps & BookAgainProps & LetterProps;

/** Sent to the visitor when a booking is cancelled, by them or by the therapist. */
export default function BookingCancelledEmail({ by, note, bookUrl, appointment, practice }: Shown) {
  return (
    <BookingLetter
      preview="Your appointment has been cancelled."
      opening={
        by === "visitor"
          ? "As you asked, this appointment has been cancelled:"
          : `${practice.therapistName} has had to cancel this appointment. We are sorry for the change:`
      }
      appointment={appointment}
      practice={practice}
      note={note}
      afterButton
    >
      <Text style={paragraph}>Whenever you are ready, you are welcome to book another time.</Text>
      <BookAgainButton bookUrl={bookUrl} />
    </BookingLetter>
  );
}

BookingCancelledEmail.PreviewProps = { ...previewBooking, ...previewBookAgain, by: "visitor", note: null, ...previewLetter } satisfies Shown;
