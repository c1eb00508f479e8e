import { Button, Text } from "@react-email/components";
import { button, EmailLayout, paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";
import { previewLeave, WaitlistLeave, type WaitlistLeaveProps } from "./components/waitlist-leave";

/**
 * Stored: which entry and which code of its step; the code and links are
 * derived when the email is sent (lib/waitlist/waitlist-emails.ts), so the
 * outbox holds no working one. The kind of appointment was chosen from the
 * practice's list, not typed.
 */
export type WaitlistCodeProps = { entryId: string; sessionName: string; codeId: string; codeIssue: number; minutes: number };
type Shown = WaitlistCodeProps & { code: string; placeUrl: string } & WaitlistLeaveProps & PracticeProps;

const codeStyle = { fontSize: 32, fontWeight: 700, letterSpacing: "0.3em", margin: "8px 0 24px", fontFamily: "monospace" } as const;

/** The one email before the address is proven: it says nothing she typed and is harmless to someone who never asked. */
export default function WaitlistCodeEmail({ code, placeUrl, leaveUrl, minutes, sessionName, practice }: Shown) {
  return (
    <EmailLayout preview={`Your code is ${code}. It confirms your place on the waitlist.`} practice={practice}>
      <Text style={paragraph}>{`Thank you for joining the waitlist of ${practice.name} for a ${sessionName.toLowerCase()}.`}</Text>
      <Text style={paragraph}>To confirm your place, type this code on the page you are on:</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text style={paragraph}>Or open this link instead:</Text>
      <Button href={placeUrl} style={button}>
        Confirm my place
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        {`If you did not ask for this, you can ignore this email: nothing is kept after ${minutes} minutes and we will not write again.`}
      </Text>
      <WaitlistLeave leaveUrl={leaveUrl} />
      <SignOff practice={practice} afterButton />
    </EmailLayout>
  );
}

WaitlistCodeEmail.PreviewProps = {
  entryId: "preview",
  sessionName: "Intake session",
  codeId: "preview",
  codeIssue: 1,
  minutes: 10,
  code: "123456",
  placeUrl: "http://localhost:3000/book/waitlist/place/preview-token",
  ...previewLeave,
  practice: previewPractice,
} satisfies Shown;
