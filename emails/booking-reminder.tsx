import { Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, type BookingEmailProps, HowToAttend, ManageButton, type ManageLinkProps, previewBooking, previewManageLink } from "./components/booking-details";
import { EmailLayout, paragraph, SignOff } from "./components/email-layout";

export type BookingReminderProps = BookingEmailProps & ManageLinkProps;

/** Sent once, about a day before a confirmed appointment. */
export default function BookingReminderEmail({ manageUrl, ...booking }: BookingReminderProps) {
  return (
    <EmailLayout preview="A reminder of your upcoming appointment.">
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>A gentle reminder of your appointment:</Text>
      <AppointmentDetails {...booking} />
      <HowToAttend format={booking.format} />
      <Text style={paragraph}>
        If you cannot make it, please let the practice know as soon as you can. {practice.booking.lateCancellationPolicy}
      </Text>
      <ManageButton manageUrl={manageUrl} />
      <SignOff />
    </EmailLayout>
  );
}

BookingReminderEmail.PreviewProps = { ...previewBooking, ...previewManageLink } satisfies BookingReminderProps;
