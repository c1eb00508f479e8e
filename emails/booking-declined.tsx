import { Text } from "@react-email/components";
import { type BookingEmailProps, BookingLetter, type LetterProps, previewBooking, previewLetter } from "./components/booking-details";
import { paragraph } from "./components/email-layout";

export type BookingDeclinedProps = BookingEmailProps & { note: string | null };
/** `elsewhere`: the practice's list of other places to look, one line each. */
type Shown = BookingDeclinedProps & LetterProps & { elsewhere: string[] };

/** Sent when the therapist declines a request, with her note if she wrote one and where else to look. */
export default function BookingDeclinedEmail({ note, appointment, elsewhere, practice }: Shown) {
  return (
    <BookingLetter
      preview="An answer to your appointment request."
      opening={
        <>
          Thank you for reaching out. {practice.therapistName} is not able to offer you this appointment, and the time has
          been released:
        </>
      }
      appointment={appointment}
      practice={practice}
      note={note}
    >
      <Text style={paragraph}>You deserve support, and these may help you find it:</Text>
      {elsewhere.map((place) => (
        <Text key={place} style={{ ...paragraph, margin: "0 0 8px" }}>
          {`• ${place}`}
        </Text>
      ))}
    </BookingLetter>
  );
}

BookingDeclinedEmail.PreviewProps = {
  ...previewBooking,
  note: "My practice is full for new clients this season. I am sorry, and I hope one of the places below can help.",
  ...previewLetter,
  elsewhere: [
    "Psychology Today's therapist directory: search by the state you live in at psychologytoday.com",
    "Open Path Collective: lower-cost therapy, at openpathcollective.org",
    "988 Suicide & Crisis Lifeline: call or text 988 at any time, for support right now",
  ],
} satisfies Shown;
