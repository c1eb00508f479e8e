import { type PracticeProps, previewPractice } from "./components/email-layout";
import { PrivateAreaNotice } from "./components/private-area-notice";

export type TherapistSummaryProps = {
  /** Which room the summary is about: messages, or appointments. */
  kind: "messages" | "appointments";
  /** What arrived since the last notice, as counts only, e.g. "3 new messages". */
  news: string;
  /** The room in the private area: /admin/messages or /admin/requests. */
  roomUrl: string;
};

const action: Record<TherapistSummaryProps["kind"], string> = { messages: "Open your messages", appointments: "Open your appointments" };

/**
 * Everything of one kind that arrived in ten minutes, in one email after the
 * first one's own notice, so a busy hour (or a script) cannot flood her inbox.
 */
export default function TherapistSummaryEmail({ kind, news, roomUrl, practice }: TherapistSummaryProps & PracticeProps) {
  return (
    <PrivateAreaNotice
      preview="More is waiting in your private area."
      news={`Since the last notice: ${news}.`}
      privacy="For privacy, who wrote and what they said are only shown after you sign in."
      href={roomUrl}
      action={action[kind]}
      practice={practice}
    />
  );
}

TherapistSummaryEmail.PreviewProps = {
  kind: "messages",
  news: "3 new messages",
  roomUrl: "http://localhost:3000/admin/messages",
  practice: previewPractice,
} satisfies TherapistSummaryProps & PracticeProps;
