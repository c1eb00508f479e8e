import { Button, Text } from "@react-email/components";
import { type BookingEmailProps, BookingLetter, type LetterProps, previewBooking, previewLetter } from "./components/booking-details";
import { button, paragraph } from "./components/email-layout";
import { previewLeave, WaitlistLeave, type WaitlistLeaveProps } from "./components/waitlist-leave";

/** Stored: the held appointment, whose entry it is, and when the offer ends (ISO). Links are derived when sent. */
export type WaitlistOfferProps = BookingEmailProps & { entryId: string; expiresAt: string };
type Shown = WaitlistOfferProps & { offerUrl: string; until: string } & WaitlistLeaveProps & LetterProps;

/** An exclusive offer: the time is hers alone until `until`; one press on the page books it. */
export default function WaitlistOfferEmail({ offerUrl, until, leaveUrl, appointment, practice }: Shown) {
  return (
    <BookingLetter
      preview={`A time has become free, held for you until ${until}.`}
      opening={`A time has become free that fits what you told us, and you are first in line for it. It is held for you alone until ${until}.`}
      appointment={appointment}
      practice={practice}
    >
      <Button href={offerUrl} style={button}>
        See this time and book it
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        The page the button opens books it with one press, or lets you pass it on; you keep your place either way. If you do nothing, it goes to the
        next person in line when the time above is up.
      </Text>
      <WaitlistLeave leaveUrl={leaveUrl} />
    </BookingLetter>
  );
}

WaitlistOfferEmail.PreviewProps = {
  ...previewBooking,
  entryId: "preview",
  expiresAt: "2026-03-09T18:00:00.000Z",
  until: "Monday, March 9, 11:00 AM",
  offerUrl: "http://localhost:3000/book/waitlist/offer/preview-token",
  ...previewLeave,
  ...previewLetter,
} satisfies Shown;
