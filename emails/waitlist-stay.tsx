import { Button, Text } from "@react-email/components";
import { button, EmailLayout, paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";
import { previewLeave, WaitlistLeave, type WaitlistLeaveProps } from "./components/waitlist-leave";

export type WaitlistStayProps = { entryId: string; sessionName: string; endsAt: string; timeZone: string };
type Shown = WaitlistStayProps & { placeUrl: string; ends: string } & WaitlistLeaveProps & PracticeProps;

/** A week before her place ends: one press to stay, nothing to do to let it end. */
export default function WaitlistStayEmail({ sessionName, ends, placeUrl, leaveUrl, practice }: Shown) {
  return (
    <EmailLayout preview="Would you like to stay on the waitlist?" practice={practice}>
      <Text style={paragraph}>{`Your place on the waitlist of ${practice.name} for a ${sessionName.toLowerCase()} ends on ${ends}.`}</Text>
      <Text style={paragraph}>If you would like to stay on it, press the button and then &ldquo;Stay on the waitlist&rdquo;. If not, there is nothing to do: your place simply ends.</Text>
      <Button href={placeUrl} style={button}>
        Stay on the waitlist
      </Button>
      <WaitlistLeave leaveUrl={leaveUrl} />
      <SignOff practice={practice} afterButton />
    </EmailLayout>
  );
}

WaitlistStayEmail.PreviewProps = {
  entryId: "preview",
  sessionName: "Intake session",
  endsAt: "2026-05-01T12:00:00.000Z",
  timeZone: "America/Los_Angeles",
  ends: "Friday, May 1, 2026",
  placeUrl: "http://localhost:3000/book/waitlist/place/preview-token",
  ...previewLeave,
  practice: previewPractice,
} satisfies Shown;
