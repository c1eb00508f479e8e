import { Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, type BookingEmailProps, ManageButton, type ManageLinkProps, previewBooking, previewManageLink } from "./components/booking-details";
import { EmailLayout, paragraph, SignOff } from "./components/email-layout";

export type BookingRequestedProps = BookingEmailProps & ManageLinkProps & { expiryHours: number };

/** Sent when a visitor asks for a time that the therapist confirms. Repeats none of their answers. */
export default function BookingRequestedEmail({ expiryHours, manageUrl, ...booking }: BookingRequestedProps) {
  return (
    <EmailLayout preview="Your requested time is held while it is confirmed.">
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        Thank you for your request. The time below is held for you while {practice.therapist.name} looks at it; you will
        hear back within {expiryHours} hours, by email.
      </Text>
      <AppointmentDetails {...booking} />
      <Text style={paragraph}>
        For your privacy this email does not repeat what you told us. You can see your request, add it to your calendar,
        move it or cancel it here:
      </Text>
      <ManageButton manageUrl={manageUrl} />
      <SignOff />
    </EmailLayout>
  );
}

BookingRequestedEmail.PreviewProps = { ...previewBooking, ...previewManageLink, expiryHours: 48 } satisfies BookingRequestedProps;
