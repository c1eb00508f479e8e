import { Text } from "@react-email/components";
import { type BookingEmailProps, BookingLetter, type HowToAttendProps, type LetterProps, ManageButton, type ManageLinkProps, previewBooking, previewHowToAttend, previewLetter, previewManageLink } from "./components/booking-details";
import { paragraph } from "./components/email-layout";

export type BookingReminderProps = BookingEmailProps;
type Shown = BookingReminderProps & ManageLinkProps & LetterProps & HowToAttendProps & { lateCancellationPolicy: string };

/** Sent once, about a day before a confirmed appointment. */
export default function BookingReminderEmail({ manageUrl, appointment, attend, lateCancellationPolicy, practice }: Shown) {
  return (
    <BookingLetter
      preview="A reminder of your upcoming appointment."
      opening="A gentle reminder of your appointment:"
      appointment={appointment}
      practice={practice}
      attend={attend}
    >
      <Text style={paragraph}>
        If you cannot make it, please let the practice know as soon as you can. {lateCancellationPolicy}
      </Text>
      <ManageButton manageUrl={manageUrl} />
    </BookingLetter>
  );
}

BookingReminderEmail.PreviewProps = {
  ...previewBooking,
  ...previewManageLink,
  ...previewLetter,
  ...previewHowToAttend,
  lateCancellationPolicy:
    "Appointments can be cancelled or moved online until 24 hours before they start. After that, please call or email the practice; a session cancelled with less than 24 hours' notice may be charged in full, except in an emergency.",
} satisfies Shown;
