import { Text } from "@react-email/components";
import { EmailLayout, paragraph, type PracticeProps, previewPractice } from "./components/email-layout";

export type PracticeReplyProps = {
  /** The therapist's own words, as she wrote them in the private area. Nothing the visitor typed. */
  body: string;
};

/**
 * The therapist's reply to a message or a request. It carries only what she
 * wrote: no quote of the visitor's message, not even the name they gave, since
 * an inbox is not a private channel.
 */
export default function PracticeReplyEmail({ body, practice }: PracticeReplyProps & PracticeProps) {
  return (
    <EmailLayout preview={`A reply from ${practice.therapistName}`} practice={practice}>
      <Text style={paragraph}>Hello,</Text>
      {body
        .trim()
        .split(/\r?\n\s*\r?\n/)
        .map((block, index) => (
          <Text key={index} style={paragraph}>
            {block.split(/\r?\n/).flatMap((line, lineIndex) => (lineIndex === 0 ? [line] : [<br key={lineIndex} />, line]))}
          </Text>
        ))}
      <Text style={paragraph}>
        {practice.therapistName}
        <br />
        {practice.name}
      </Text>
    </EmailLayout>
  );
}

PracticeReplyEmail.PreviewProps = {
  body: "Thank you for writing. I have an opening on Tuesday mornings; would a short call this week help?\n\nWarmly,\nMaya",
  practice: previewPractice,
} satisfies PracticeReplyProps & PracticeProps;
