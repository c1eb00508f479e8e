import { Text } from "@react-email/components";
import { EmailLayout, SignOff, paragraph, type PracticeProps, previewPractice } from "./components/email-layout";

/** Nothing the visitor typed: the address is not proven, so a typed name could put a stranger's words in the practice's mail. */
export type ContactAcknowledgementProps = Record<never, never>;

/**
 * Sent to a visitor who wrote through /contact. It repeats nothing they wrote,
 * not even their name: email is not a private channel, and anyone can type
 * anyone's address.
 */
export default function ContactAcknowledgementEmail({ practice }: ContactAcknowledgementProps & PracticeProps) {
  return (
    <EmailLayout preview={`Thank you for reaching out to ${practice.name}.`} practice={practice}>
      <Text style={paragraph}>{`Thank you for writing to ${practice.name}.`}</Text>
      <Text style={paragraph}>
        Your message arrived safely, and {practice.therapistName} will reply within two working days, in the way you
        asked to be contacted.
      </Text>
      <Text style={paragraph}>
        For your privacy this email does not repeat what you wrote. If you did not send a message to {practice.name},
        you can ignore this email.
      </Text>
      <SignOff practice={practice} />
    </EmailLayout>
  );
}

ContactAcknowledgementEmail.PreviewProps = { practice: previewPractice } satisfies ContactAcknowledgementProps & PracticeProps;
