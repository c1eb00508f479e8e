import { Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, type BookingEmailProps, HowToAttend, ManageButton, type ManageLinkProps, previewBooking, previewManageLink } from "./components/booking-details";
import { EmailLayout, paragraph, SignOff } from "./components/email-layout";

export type BookingConfirmedProps = BookingEmailProps & ManageLinkProps & { sequence: number };

/** Sent when a booking is confirmed; lib/email attaches the appointment as an .ics file. */
export default function BookingConfirmedEmail({ sequence: _sequence, manageUrl, ...booking }: BookingConfirmedProps) {
  return (
    <EmailLayout preview={`Your appointment with ${practice.name} is confirmed.`}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>Your appointment is confirmed. {practice.therapist.name} looks forward to meeting you.</Text>
      <AppointmentDetails {...booking} />
      <HowToAttend format={booking.format} />
      <Text style={paragraph}>
        The attached file adds the appointment to your calendar. You can move or cancel it online until{" "}
        {practice.booking.changeCutoffHours} hours before it starts:
      </Text>
      <ManageButton manageUrl={manageUrl} />
      <SignOff />
    </EmailLayout>
  );
}

BookingConfirmedEmail.PreviewProps = { ...previewBooking, ...previewManageLink, sequence: 0 } satisfies BookingConfirmedProps;
