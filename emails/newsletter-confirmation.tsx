import { Button, Text } from "@react-email/components";
import { EmailLayout, SignOff, button, paragraph, type PracticeProps, previewPractice } from "./components/email-layout";

export type NewsletterConfirmationProps = { confirmUrl: string; validDays: number };

/**
 * The double opt-in. It greets in the practice's words and carries nothing the
 * person typed, not even the first name they gave: anyone can type any address into a signup form, so this email must be
 * harmless to someone who never asked for it.
 */
export default function NewsletterConfirmationEmail({ confirmUrl, validDays, practice }: NewsletterConfirmationProps & PracticeProps) {
  return (
    <EmailLayout preview={`Confirm your subscription to ${practice.name}'s newsletter.`} practice={practice}>
      <Text style={paragraph}>{`Thank you for your interest in ${practice.name}.`}</Text>
      <Text style={paragraph}>
        Someone, hopefully you, asked to receive {practice.name}&apos;s newsletter and its freebies at this address. Please
        confirm that it was you:
      </Text>
      <Button href={confirmUrl} style={button}>
        Confirm my subscription
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        The link works for {validDays} days. If you did not ask for this, you can ignore this email: without your
        confirmation you will not hear from us again.
      </Text>
      <SignOff practice={practice} />
    </EmailLayout>
  );
}

NewsletterConfirmationEmail.PreviewProps = {
  confirmUrl: "http://localhost:3000/newsletter/confirm/preview-token",
  validDays: 7,
  practice: previewPractice,
} satisfies NewsletterConfirmationProps & PracticeProps;
