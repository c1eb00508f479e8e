import { Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { EmailLayout, type PracticeProps } from "./email-layout";

const footerText = { color: "#6b6159", fontSize: 13, lineHeight: "20px", margin: "16px 0 0" } as const;

/** Every newsletter email says why it came and how to stop it, in one visible click. */
export function NewsletterLayout({ preview, unsubscribeUrl, practice, children }: PracticeProps & { preview: string; unsubscribeUrl: string; children: ReactNode }) {
  return (
    <EmailLayout preview={preview} practice={practice}>
      {children}
      <Text style={footerText}>
        You receive this because you subscribed to {practice.name}&apos;s newsletter and confirmed it.{" "}
        <Link href={unsubscribeUrl} style={{ color: "#3f6b5c", textDecoration: "underline" }}>
          Unsubscribe
        </Link>{" "}
        at any time; it takes one click and works at once.
      </Text>
    </EmailLayout>
  );
}

export const previewUnsubscribeUrl = "http://localhost:3000/newsletter/unsubscribe/preview-token";
