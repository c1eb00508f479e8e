import { Text } from "@react-email/components";
import { type BookingEmailProps, BookingLetter, type LetterProps, ManageButton, type ManageLinkProps, previewBooking, previewLetter, previewManageLink } from "./components/booking-details";
import { paragraph } from "./components/email-layout";

export type BookingRequestedProps = BookingEmailProps & { expiryHours: number };
type Shown = BookingRequestedProps & ManageLinkProps & LetterProps;

/** Sent when a visitor asks for a time that the therapist confirms. Repeats none of their answers. */
export default function BookingRequestedEmail({ expiryHours, manageUrl, appointment, practice }: Shown) {
  return (
    <BookingLetter
      preview="Your requested time is held while it is confirmed."
      opening={
        <>
          Thank you for your request. The time below is held for you while {practice.therapistName} looks at it; you will
          hear back within {expiryHours} hours, by email.
        </>
      }
      appointment={appointment}
      practice={practice}
    >
      <Text style={paragraph}>
        For your privacy this email does not repeat what you told us. You can see your request, add it to your calendar,
        move it or cancel it here:
      </Text>
      <ManageButton manageUrl={manageUrl} />
    </BookingLetter>
  );
}

BookingRequestedEmail.PreviewProps = { ...previewBooking, expiryHours: 48, ...previewManageLink, ...previewLetter } satisfies Shown;
