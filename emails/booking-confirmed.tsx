import { Text } from "@react-email/components";
import { type BookingEmailProps, BookingLetter, type HowToAttendProps, type LetterProps, ManageButton, type ManageLinkProps, previewBooking, previewHowToAttend, previewLetter, previewManageLink } from "./components/booking-details";
import { paragraph } from "./components/email-layout";

// `note` is her own words on confirming; rows queued before it existed have none.
export type BookingConfirmedProps = BookingEmailProps & { sequence: number; note?: string | null };
type Shown = BookingConfirmedProps & ManageLinkProps & LetterProps & HowToAttendProps & { changeCutoffHours: number };

/** Sent when a booking is confirmed; lib/email attaches the appointment as an .ics file. */
export default function BookingConfirmedEmail({ manageUrl, note = null, appointment, attend, changeCutoffHours, practice }: Shown) {
  return (
    <BookingLetter
      preview={`Your appointment with ${practice.name} is confirmed.`}
      opening={<>Your appointment is confirmed. {practice.therapistName} looks forward to meeting you.</>}
      appointment={appointment}
      practice={practice}
      note={note}
      attend={attend}
    >
      <Text style={paragraph}>
        The attached file adds the appointment to your calendar. You can move or cancel it online until{" "}
        {changeCutoffHours} hours before it starts:
      </Text>
      <ManageButton manageUrl={manageUrl} />
    </BookingLetter>
  );
}

BookingConfirmedEmail.PreviewProps = {
  ...previewBooking,
  sequence: 0,
  note: "Looking forward to it. Parking is behind the building.",
  ...previewManageLink,
  ...previewLetter,
  ...previewHowToAttend,
  changeCutoffHours: 24,
} satisfies Shown;
