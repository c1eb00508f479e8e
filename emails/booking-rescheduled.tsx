import { Text } from "@react-email/components";
import { type BookingEmailProps, BookingLetter, type LetterProps, ManageButton, type ManageLinkProps, previewBooking, previewLetter, previewManageLink } from "./components/booking-details";
import { paragraph } from "./components/email-layout";

export type BookingRescheduledProps = BookingEmailProps & {
  previousStartsAt: string;
  status: "requested" | "confirmed";
  sequence: number;
};
/** `previousWhen`: the old start as the visitor's clocks showed it, "Monday, March 9, 2026 at 9:00 AM". */
type Shown = BookingRescheduledProps & ManageLinkProps & LetterProps & { previousWhen: string };

/** Sent to the visitor when their booking moves; lib/email attaches the updated .ics to a confirmed one. */
export default function BookingRescheduledEmail({ previousWhen, status, manageUrl, appointment, practice }: Shown) {
  return (
    <BookingLetter
      preview="Your appointment has a new time."
      opening={`Your appointment has moved from ${previousWhen} to:`}
      appointment={appointment}
      practice={practice}
    >
      <Text style={paragraph}>
        {status === "confirmed"
          ? "It is still confirmed; the attached file updates your calendar."
          : `${practice.therapistName} will confirm the new time by email.`}
      </Text>
      <ManageButton manageUrl={manageUrl} />
    </BookingLetter>
  );
}

BookingRescheduledEmail.PreviewProps = {
  ...previewBooking,
  previousStartsAt: "2026-03-09T16:00:00.000Z",
  status: "confirmed",
  sequence: 1,
  ...previewManageLink,
  ...previewLetter,
  previousWhen: "Monday, March 9, 2026 at 9:00 AM",
} satisfies Shown;
