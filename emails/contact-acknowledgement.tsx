import { Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { EmailLayout, SignOff, paragraph } from "./components/email-layout";

export type ContactAcknowledgementProps = { name: string };

/**
 * Sent to a visitor who wrote through /contact. It repeats nothing they wrote
 * but their name: email is not a private channel.
 */
export default function ContactAcknowledgementEmail({ name }: ContactAcknowledgementProps) {
  return (
    <EmailLayout preview={`Thank you for reaching out to ${practice.name}.`}>
      <Text style={paragraph}>{`Hello ${name},`}</Text>
      <Text style={paragraph}>
        Thank you for reaching out. Your message arrived safely, and {practice.therapist.name} will reply within two
        working days, in the way you asked to be contacted.
      </Text>
      <Text style={paragraph}>
        For your privacy this email does not repeat what you wrote. If you did not send a message to {practice.name},
        you can ignore this email.
      </Text>
      <SignOff />
    </EmailLayout>
  );
}

ContactAcknowledgementEmail.PreviewProps = { name: "Jordan" } satisfies ContactAcknowledgementProps;
