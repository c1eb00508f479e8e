import { Button, Text } from "@react-email/components";
import { EmailLayout, button, paragraph } from "./components/email-layout";

export type ContactNotificationProps = { messageUrl: string };

/**
 * Tells the therapist a message arrived. Only a link into the private area:
 * the sender, the message and even the name stay behind the sign-in.
 */
export default function ContactNotificationEmail({ messageUrl }: ContactNotificationProps) {
  return (
    <EmailLayout preview="A new message is waiting in your private area.">
      <Text style={paragraph}>A new message arrived through your website&apos;s contact page.</Text>
      <Text style={paragraph}>For privacy, its contents are only shown after you sign in.</Text>
      <Button href={messageUrl} style={button}>
        Open the message
      </Button>
    </EmailLayout>
  );
}

ContactNotificationEmail.PreviewProps = {
  messageUrl: "http://localhost:3000/admin/messages/00000000-0000-4000-8000-000000000000",
} satisfies ContactNotificationProps;
