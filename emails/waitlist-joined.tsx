import { Button, Text } from "@react-email/components";
import { button, EmailLayout, paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";
import { previewLeave, WaitlistLeave, type WaitlistLeaveProps } from "./components/waitlist-leave";

export type WaitlistJoinedProps = { entryId: string; sessionName: string; days: number };
type Shown = WaitlistJoinedProps & { placeUrl: string } & WaitlistLeaveProps & PracticeProps;

/** Her place is confirmed: what happens next, and how to leave. */
export default function WaitlistJoinedEmail({ sessionName, days, placeUrl, leaveUrl, practice }: Shown) {
  return (
    <EmailLayout preview="You are on the waitlist." practice={practice}>
      <Text style={paragraph}>{`You are on the waitlist of ${practice.name} for a ${sessionName.toLowerCase()}.`}</Text>
      <Text style={paragraph}>
        When a time that fits what you told us becomes free and you are first in line for it, we will email you. That time is then held for you
        alone for a while, and one press books it. Nobody else is offered it while you decide.
      </Text>
      <Text style={paragraph}>{`Your place lasts ${days} days; a week before it ends we will ask whether you would like to stay.`}</Text>
      <Button href={placeUrl} style={button}>
        See my place
      </Button>
      <WaitlistLeave leaveUrl={leaveUrl} />
      <SignOff practice={practice} afterButton />
    </EmailLayout>
  );
}

WaitlistJoinedEmail.PreviewProps = {
  entryId: "preview",
  sessionName: "Intake session",
  days: 60,
  placeUrl: "http://localhost:3000/book/waitlist/place/preview-token",
  ...previewLeave,
  practice: previewPractice,
} satisfies Shown;
