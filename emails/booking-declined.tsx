import { Text } from "@react-email/components";
import { AppointmentDetails, type AppointmentProps, type BookingEmailProps, previewAppointment, previewBooking, TherapistNote } from "./components/booking-details";
import { EmailLayout, paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";

export type BookingDeclinedProps = BookingEmailProps & { note: string | null };
/** `elsewhere`: the practice's list of other places to look, one line each. */
type Shown = BookingDeclinedProps & AppointmentProps & PracticeProps & { elsewhere: string[] };

/** Sent when the therapist declines a request, with her note if she wrote one and where else to look. */
export default function BookingDeclinedEmail({ note, appointment, elsewhere, practice }: Shown) {
  return (
    <EmailLayout preview="An answer to your appointment request." practice={practice}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        Thank you for reaching out. {practice.therapistName} is not able to offer you this appointment, and the time has
        been released:
      </Text>
      <AppointmentDetails appointment={appointment} />
      <TherapistNote note={note} therapistName={practice.therapistName} />
      <Text style={paragraph}>You deserve support, and these may help you find it:</Text>
      {elsewhere.map((place) => (
        <Text key={place} style={{ ...paragraph, margin: "0 0 8px" }}>
          {`• ${place}`}
        </Text>
      ))}
      <SignOff practice={practice} />
    </EmailLayout>
  );
}

BookingDeclinedEmail.PreviewProps = {
  ...previewBooking,
  note: "My practice is full for new clients this season. I am sorry, and I hope one of the places below can help.",
  ...previewAppointment,
  elsewhere: [
    "Psychology Today's therapist directory: search by the state you live in at psychologytoday.com",
    "Open Path Collective: lower-cost therapy, at openpathcollective.org",
    "988 Suicide & Crisis Lifeline: call or text 988 at any time, for support right now",
  ],
  practice: previewPractice,
} satisfies Shown;
