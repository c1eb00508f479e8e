import { Button, Text } from "@react-email/components";
import { EmailLayout, button, paragraph, type PracticeProps, previewPractice } from "./components/email-layout";

export type SignInLinkProps = { signInUrl: string; validMinutes: number };

/**
 * The therapist's emailed sign-in link. Plain and neutral: it says nothing of
 * what waits behind the sign-in. The link opens a page with a "Sign in"
 * button, so a mail scanner that follows it signs nobody in.
 */
export default function SignInLinkEmail({ signInUrl, validMinutes, practice }: SignInLinkProps & PracticeProps) {
  return (
    <EmailLayout preview="Your sign-in link" audience="practice" practice={practice}>
      <Text style={paragraph}>Here is your sign-in link for the private area.</Text>
      <Button href={signInUrl} style={button}>
        Open the sign-in page
      </Button>
      <Text style={paragraph}>
        {`It works once and is valid for ${validMinutes} minutes. If you did not ask to sign in, you can ignore this email; nobody can sign in without it.`}
      </Text>
    </EmailLayout>
  );
}

SignInLinkEmail.PreviewProps = {
  signInUrl: "http://localhost:3000/admin/sign-in/confirm/preview-token-preview-token-preview-token00",
  validMinutes: 10,
  practice: previewPractice,
} satisfies SignInLinkProps & PracticeProps;
