import { Text } from "@react-email/components";
import { BookAgainButton, type BookAgainProps, type BookingEmailProps, BookingLetter, type LetterProps, previewBookAgain, previewBooking, previewLetter } from "./components/booking-details";
import { paragraph } from "./components/email-layout";

// `bookUrl` is stored since it became part of the email; rows queued before then get it when they are sent.
export type BookingExpiredProps = BookingEmailProps & Partial<BookAgainProps>;
type Shown = BookingExpiredProps & BookAgainProps & LetterProps;

/** Sent when a request was not answered in time and its time was released. */
export default function BookingExpiredEmail({ bookUrl, appointment, practice }: Shown) {
  return (
    <BookingLetter
      preview="Your appointment request could not be confirmed in time."
      opening={
        <>
          We are sorry: {practice.therapistName} could not confirm your request in time, so this time has been released
          and is no longer held for you:
        </>
      }
      appointment={appointment}
      practice={practice}
      afterButton
    >
      <Text style={paragraph}>
        This says nothing about you. You are welcome to choose another time, or to write to {practice.contactEmail}.
      </Text>
      <BookAgainButton bookUrl={bookUrl} />
    </BookingLetter>
  );
}

BookingExpiredEmail.PreviewProps = { ...previewBooking, ...previewBookAgain, ...previewLetter } satisfies Shown;
