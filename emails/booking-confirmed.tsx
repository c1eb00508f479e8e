import { Text } from "@react-email/components";
import { manageBookingUrl } from "@/lib/booking/manage-link";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, type BookingEmailProps, HowToAttend, ManageButton, previewBooking } from "./components/booking-details";
import { EmailLayout, paragraph } from "./components/email-layout";

export type BookingConfirmedProps = BookingEmailProps & { sequence: number };

/** Sent when a booking is confirmed; carries the appointment as an .ics file (see emails/index.ts). */
export default function BookingConfirmedEmail({ sequence: _sequence, ...booking }: BookingConfirmedProps) {
  return (
    <EmailLayout preview={`Your appointment with ${practice.name} is confirmed.`}>
      <Text style={paragraph}>{`Hello ${booking.name},`}</Text>
      <Text style={paragraph}>Your appointment is confirmed. {practice.therapist.name} looks forward to meeting you.</Text>
      <AppointmentDetails {...booking} />
      <HowToAttend format={booking.format} />
      <Text style={paragraph}>
        The attached file adds the appointment to your calendar. You can move or cancel it online until{" "}
        {practice.booking.changeCutoffHours} hours before it starts:
      </Text>
      <ManageButton href={manageBookingUrl(booking.bookingId)} />
      <Text style={paragraph}>Warmly,<br />{practice.name}</Text>
    </EmailLayout>
  );
}

BookingConfirmedEmail.PreviewProps = { ...previewBooking, sequence: 0 } satisfies BookingConfirmedProps;
