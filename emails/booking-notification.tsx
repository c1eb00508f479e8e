import { Button, Text } from "@react-email/components";
import { EmailLayout, button, paragraph } from "./components/email-layout";

export type BookingNotificationProps = {
  kind: "requested" | "booked" | "cancelled" | "rescheduled";
  /** Not shown: lets erasure and retention find this email. */
  bookingId: string;
  /** Link into the private area: /admin/requests/{id}. */
  bookingUrl: string;
};

const what: Record<BookingNotificationProps["kind"], string> = {
  requested: "Someone has asked for an appointment and is waiting for your answer.",
  booked: "Someone has booked an appointment; it was confirmed at once.",
  cancelled: "A client has cancelled an appointment; the time is free again.",
  rescheduled: "A client has moved an appointment to another time.",
};

/**
 * Tells the therapist something happened to a booking. Only a link into the
 * private area: who, when and why stay behind the sign-in.
 */
export default function BookingNotificationEmail({ kind, bookingUrl }: BookingNotificationProps) {
  return (
    <EmailLayout preview="Something changed in your appointments.">
      <Text style={paragraph}>{what[kind]}</Text>
      <Text style={paragraph}>For privacy, the details are only shown after you sign in.</Text>
      <Button href={bookingUrl} style={button}>
        Open the appointment
      </Button>
    </EmailLayout>
  );
}

BookingNotificationEmail.PreviewProps = {
  kind: "requested",
  bookingId: "00000000-0000-4000-8000-000000000000",
  bookingUrl: "http://localhost:3000/admin/requests/00000000-0000-4000-8000-000000000000",
} satisfies BookingNotificationProps;
