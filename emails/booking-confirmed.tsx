import { Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, type BookingEmailProps, HowToAttend, ManageButton, type ManageLinkProps, previewBooking, previewManageLink, TherapistNote } from "./components/booking-details";
import { EmailLayout, paragraph, SignOff } from "./components/email-layout";

// `note` is her own words on confirming; rows queued before it existed have none.
export type BookingConfirmedProps = BookingEmailProps & ManageLinkProps & { sequence: number; note?: string | null };

/** Sent when a booking is confirmed; lib/email attaches the appointment as an .ics file. */
export default function BookingConfirmedEmail({ sequence: _sequence, manageUrl, note = null, ...booking }: BookingConfirmedProps) {
  return (
    <EmailLayout preview={`Your appointment with ${practice.name} is confirmed.`}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>Your appointment is confirmed. {practice.therapist.name} looks forward to meeting you.</Text>
      <AppointmentDetails {...booking} />
      <TherapistNote note={note} />
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

BookingConfirmedEmail.PreviewProps = { ...previewBooking, ...previewManageLink, sequence: 0, note: "Looking forward to it. Parking is behind the building." } satisfies BookingConfirmedProps;
