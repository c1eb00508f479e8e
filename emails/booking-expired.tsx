import { Button, Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { env } from "@/lib/env";
import { AppointmentDetails, type BookingEmailProps, previewBooking } from "./components/booking-details";
import { EmailLayout, button, paragraph } from "./components/email-layout";

export type BookingExpiredProps = BookingEmailProps;

/** Sent when a request was not answered in time and its time was released. */
export default function BookingExpiredEmail(booking: BookingExpiredProps) {
  return (
    <EmailLayout preview="Your appointment request could not be confirmed in time.">
      <Text style={paragraph}>{`Hello ${booking.name},`}</Text>
      <Text style={paragraph}>
        We are sorry: {practice.therapist.name} could not confirm your request in time, so this time has been released
        and is no longer held for you:
      </Text>
      <AppointmentDetails {...booking} />
      <Text style={paragraph}>
        This says nothing about you. You are welcome to choose another time, or to write to {practice.contactEmail}.
      </Text>
      <Button href={new URL("/book", env().APP_URL).toString()} style={button}>
        Choose a new time
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>Warmly,<br />{practice.name}</Text>
    </EmailLayout>
  );
}

BookingExpiredEmail.PreviewProps = previewBooking satisfies BookingExpiredProps;
