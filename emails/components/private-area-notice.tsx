import { Button, Text } from "@react-email/components";
import { EmailLayout, button, paragraph, type PracticeProps } from "./email-layout";

type PrivateAreaNoticeProps = PracticeProps & {
  preview: string;
  /** What happened, without who or what they wrote. */
  news: string;
  /** The appointment's session and time, where the news is about one: never who or why. */
  appointment?: string;
  privacy: string;
  href: string;
  action: string;
};

/**
 * A notice to the therapist. A link into the private area, and at most which
 * session and when: an inbox is not a private channel, so who and why stay
 * behind the sign-in.
 */
export function PrivateAreaNotice({ preview, news, appointment, privacy, href, action, practice }: PrivateAreaNoticeProps) {
  return (
    <EmailLayout preview={preview} audience="practice" practice={practice}>
      <Text style={paragraph}>{news}</Text>
      {appointment ? (
        <Text style={paragraph}>
          <strong>{appointment}</strong>
        </Text>
      ) : null}
      <Text style={paragraph}>{privacy}</Text>
      <Button href={href} style={button}>
        {action}
      </Button>
    </EmailLayout>
  );
}
