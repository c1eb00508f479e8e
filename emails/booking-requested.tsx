import { Text } from "@react-email/components";
import { manageBookingUrl } from "@/lib/booking/manage-link";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, type BookingEmailProps, ManageButton, previewBooking } from "./components/booking-details";
import { EmailLayout, paragraph } from "./components/email-layout";

export type BookingRequestedProps = BookingEmailProps & { expiryHours: number };

/** Sent when a visitor asks for a time that the therapist confirms. Repeats none of their answers. */
export default function BookingRequestedEmail({ expiryHours, ...booking }: BookingRequestedProps) {
  return (
    <EmailLayout preview="Your requested time is held while it is confirmed.">
      <Text style={paragraph}>{`Hello ${booking.name},`}</Text>
      <Text style={paragraph}>
        Thank you for your request. The time below is held for you while {practice.therapist.name} looks at it; you will
        hear back within {expiryHours} hours, by email.
      </Text>
      <AppointmentDetails {...booking} />
      <Text style={paragraph}>
        For your privacy this email does not repeat what you told us. You can see your request, add it to your calendar,
        move it or cancel it here:
      </Text>
      <ManageButton href={manageBookingUrl(booking.bookingId)} />
      <Text style={paragraph}>Warmly,<br />{practice.name}</Text>
    </EmailLayout>
  );
}

BookingRequestedEmail.PreviewProps = { ...previewBooking, expiryHours: 48 } satisfies BookingRequestedProps;
