import { Link, Text } from "@react-email/components";
import { paragraph } from "./email-layout";

/** Every waitlist email carries it: one press on the page it opens, and she is off the list. */
export type WaitlistLeaveProps = { leaveUrl: string };

export function WaitlistLeave({ leaveUrl }: WaitlistLeaveProps) {
  return (
    <Text style={{ ...paragraph, fontSize: 14, color: "#555" }}>
      You can leave the waitlist at any time: <Link href={leaveUrl}>leave the waitlist</Link>.
    </Text>
  );
}

export const previewLeave: WaitlistLeaveProps = { leaveUrl: "http://localhost:3000/book/waitlist/leave/preview-token" };
