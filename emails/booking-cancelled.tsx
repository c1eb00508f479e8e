import { Button, Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { env } from "@/lib/env";
import { AppointmentDetails, type BookingEmailProps, previewBooking } from "./components/booking-details";
import { EmailLayout, button, paragraph } from "./components/email-layout";

export type BookingCancelledProps = BookingEmailProps & { by: "visitor" | "therapist"; note: string | null };

/** Sent to the visitor when a booking is cancelled, by them or by the therapist. */
export default function BookingCancelledEmail({ by, note, ...booking }: BookingCancelledProps) {
  return (
    <EmailLayout preview="Your appointment has been cancelled.">
      <Text style={paragraph}>{`Hello ${booking.name},`}</Text>
      <Text style={paragraph}>
        {by === "visitor"
          ? "As you asked, this appointment has been cancelled:"
          : `${practice.therapist.name} has had to cancel this appointment. We are sorry for the change:`}
      </Text>
      <AppointmentDetails {...booking} />
      {note ? (
        <Text style={{ ...paragraph, borderLeft: "3px solid #3f6b5c", paddingLeft: 12 }}>
          {`A note from ${practice.therapist.name}:`}
          <br />
          {note}
        </Text>
      ) : null}
      <Text style={paragraph}>Whenever you are ready, you are welcome to book another time.</Text>
      <Button href={new URL("/book", env().APP_URL).toString()} style={button}>
        Choose a new time
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>Warmly,<br />{practice.name}</Text>
    </EmailLayout>
  );
}

BookingCancelledEmail.PreviewProps = { ...previewBooking, by: "visitor", note: null } satisfies BookingCancelledProps;
