import { Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, type BookingEmailProps, previewBooking, TherapistNote } from "./components/booking-details";
import { EmailLayout, paragraph, SignOff } from "./components/email-layout";

export type BookingDeclinedProps = BookingEmailProps & { note: string | null };

/** Sent when the therapist declines a request, with her note if she wrote one and where else to look. */
export default function BookingDeclinedEmail({ note, ...booking }: BookingDeclinedProps) {
  return (
    <EmailLayout preview="An answer to your appointment request.">
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        Thank you for reaching out. {practice.therapist.name} is not able to offer you this appointment, and the time has
        been released:
      </Text>
      <AppointmentDetails {...booking} />
      <TherapistNote note={note} />
      <Text style={paragraph}>You deserve support, and these may help you find it:</Text>
      {practice.booking.elsewhere.map((place) => (
        <Text key={place.name} style={{ ...paragraph, margin: "0 0 8px" }}>
          {`• ${place.name}: ${place.how}`}
        </Text>
      ))}
      <SignOff />
    </EmailLayout>
  );
}

BookingDeclinedEmail.PreviewProps = {
  ...previewBooking,
  note: "My practice is full for new clients this season. I am sorry, and I hope one of the places below can help.",
} satisfies BookingDeclinedProps;
