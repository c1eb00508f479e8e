import { Button, Text } from "@react-email/components";
import { type BookingEmailProps, BookingLetter, type LetterProps, previewBooking, previewLetter } from "./components/booking-details";
import { button, paragraph } from "./components/email-layout";

/**
 * The page that confirms a held time, made when the email is sent
 * (lib/booking/booking-emails.ts) like the manage link, so the outbox holds no working link.
 */
export type ConfirmTimeLinkProps = { confirmTimeUrl: string };

export type BookingHoldProps = BookingEmailProps & { holdMinutes: number };
type Shown = BookingHoldProps & ConfirmTimeLinkProps & LetterProps;

/**
 * The first email about a booking, sent before anyone has seen it: anyone can
 * type anyone's address on /book, so the time is only held until the owner of
 * this address confirms it. It says nothing the visitor typed, and it is
 * harmless to someone who never asked.
 */
export default function BookingHoldEmail({ confirmTimeUrl, holdMinutes, appointment, practice }: Shown) {
  return (
    <BookingLetter
      preview={`Please confirm this time within ${holdMinutes} minutes.`}
      opening={`Thank you for choosing a time with ${practice.name}. We are holding it for you for ${holdMinutes} minutes. Please confirm that it was you who asked for it:`}
      appointment={appointment}
      practice={practice}
    >
      <Button href={confirmTimeUrl} style={button}>
        Confirm this time
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        {`The button opens a page where one more press confirms it. If you did not ask for this, you can ignore this email: the time is released after ${holdMinutes} minutes and we will not write again.`}
      </Text>
    </BookingLetter>
  );
}

BookingHoldEmail.PreviewProps = {
  ...previewBooking,
  holdMinutes: 30,
  confirmTimeUrl: "http://localhost:3000/book/confirm/preview-token",
  ...previewLetter,
} satisfies Shown;
