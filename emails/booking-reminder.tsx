import { Text } from "@react-email/components";
import { manageBookingUrl } from "@/lib/booking/manage-link";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, type BookingEmailProps, HowToAttend, ManageButton, previewBooking } from "./components/booking-details";
import { EmailLayout, paragraph } from "./components/email-layout";

export type BookingReminderProps = BookingEmailProps;

/** Sent once, about a day before a confirmed appointment. */
export default function BookingReminderEmail(booking: BookingReminderProps) {
  return (
    <EmailLayout preview="A reminder of your upcoming appointment.">
      <Text style={paragraph}>{`Hello ${booking.name},`}</Text>
      <Text style={paragraph}>A gentle reminder of your appointment:</Text>
      <AppointmentDetails {...booking} />
      <HowToAttend format={booking.format} />
      <Text style={paragraph}>
        If you cannot make it, please let the practice know as soon as you can. {practice.booking.lateCancellationPolicy}
      </Text>
      <ManageButton href={manageBookingUrl(booking.bookingId)} />
      <Text style={paragraph}>Warmly,<br />{practice.name}</Text>
    </EmailLayout>
  );
}

BookingReminderEmail.PreviewProps = previewBooking satisfies BookingReminderProps;
