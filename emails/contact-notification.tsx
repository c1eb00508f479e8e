import { type PracticeProps, previewPractice } from "./components/email-layout";
import { PrivateAreaNotice } from "./components/private-area-notice";

export type ContactNotificationProps = { messageUrl: string };

/** Tells the therapist a message arrived; the sender, the message and even the name stay behind the sign-in. */
export default function ContactNotificationEmail({ messageUrl, practice }: ContactNotificationProps & PracticeProps) {
  return (
    <PrivateAreaNotice
      preview="A new message is waiting in your private area."
      news="A new message arrived through your website's contact page."
      privacy="For privacy, its contents are only shown after you sign in."
      href={messageUrl}
      action="Open the message"
      practice={practice}
    />
  );
}

ContactNotificationEmail.PreviewProps = {
  messageUrl: "http://localhost:3000/admin/messages/00000000-0000-4000-8000-000000000000",
  practice: previewPractice,
} satisfies ContactNotificationProps & PracticeProps;
