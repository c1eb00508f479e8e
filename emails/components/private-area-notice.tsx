import { Button, Text } from "@react-email/components";
import { EmailLayout, button, paragraph, type PracticeProps } from "./email-layout";

type PrivateAreaNoticeProps = PracticeProps & {
  preview: string;
  /** What happened, without who or what they wrote. */
  news: string;
  privacy: string;
  href: string;
  action: string;
};

/**
 * A notice to the therapist. Only a link into the private area: an inbox is
 * not a private channel, so who, when and why stay behind the sign-in.
 */
export function PrivateAreaNotice({ preview, news, privacy, href, action, practice }: PrivateAreaNoticeProps) {
  return (
    <EmailLayout preview={preview} audience="practice" practice={practice}>
      <Text style={paragraph}>{news}</Text>
      <Text style={paragraph}>{privacy}</Text>
      <Button href={href} style={button}>
        {action}
      </Button>
    </EmailLayout>
  );
}
