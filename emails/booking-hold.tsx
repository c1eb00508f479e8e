import { Button, Text } from "@react-email/components";
import { type BookingEmailProps, BookingLetter, type LetterProps, previewBooking, previewLetter } from "./components/booking-details";
import { button, paragraph } from "./components/email-layout";

/**
 * The page that confirms a held time, made when the email is sent
 * (lib/booking/booking-emails.ts) like the manage link, so the outbox holds no working link.
 */
export type ConfirmTimeLinkProps = { confirmTimeUrl: string };

/**
 * Stored: the appointment and which code of the step this email carries
 * (`codeId`, `codeIssue`); the code itself is derived when the email is sent,
 * so the outbox never holds one. Rows queued before codes have neither.
 */
export type BookingHoldProps = BookingEmailProps & { holdMinutes: number; codeId?: string; codeIssue?: number };
type Shown = BookingHoldProps & ConfirmTimeLinkProps & { code?: string } & LetterProps;

const codeStyle = { fontSize: 32, fontWeight: 700, letterSpacing: "0.3em", margin: "8px 0 24px", fontFamily: "monospace" } as const;

/**
 * The first email about a booking, sent before anyone has seen it: anyone can
 * type anyone's address on /book, so the time is only held until the owner of
 * this address types the code on the booking page, or opens the link. It says
 * nothing the visitor typed, and it is harmless to someone who never asked.
 */
export default function BookingHoldEmail({ confirmTimeUrl, code, holdMinutes, appointment, practice }: Shown) {
  return (
    <BookingLetter
      preview={code ? `Your code is ${code}. It confirms this time within ${holdMinutes} minutes.` : `Please confirm this time within ${holdMinutes} minutes.`}
      opening={`Thank you for choosing a time with ${practice.name}. We are holding it for you for ${holdMinutes} minutes.`}
      appointment={appointment}
      practice={practice}
    >
      {code ? (
        <>
          <Text style={paragraph}>To confirm it, type this code on the booking page:</Text>
          <Text style={codeStyle}>{code}</Text>
          <Text style={paragraph}>Or open this link instead:</Text>
        </>
      ) : null}
      <Button href={confirmTimeUrl} style={button}>
        Confirm this time
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        {`If you did not ask for this, you can ignore this email: the time is released after ${holdMinutes} minutes and we will not write again.`}
      </Text>
    </BookingLetter>
  );
}

BookingHoldEmail.PreviewProps = {
  ...previewBooking,
  holdMinutes: 10,
  code: "123456",
  confirmTimeUrl: "http://localhost:3000/book/confirm/preview-token",
  ...previewLetter,
} satisfies Shown;
