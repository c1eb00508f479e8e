import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/**
 * The practice as an email names it. lib/email fills it in from the practice's
 * configuration when the email is rendered, so no template reads the
 * configuration itself and the outbox stores none of it.
 */
export type EmailPractice = {
  name: string;
  therapistName: string;
  contactEmail: string;
  /** Every crisis line in one sentence: "Emergency services: Call 911 · …". */
  crisisLines: string;
};
export type PracticeProps = { practice: EmailPractice };

export const previewPractice: EmailPractice = {
  name: "Still Water Therapy",
  therapistName: "Maya Ellison",
  contactEmail: "hello@stillwater.example",
  crisisLines:
    "Emergency services: Call 911 · 988 Suicide & Crisis Lifeline: Call or text 988 · RAINN National Sexual Assault Hotline: Call 800-656-4673 · Crisis Text Line: Text HOME to 741741",
};

const colors = { page: "#f6f1ea", card: "#fffdf9", ink: "#2f2a26", muted: "#6b6159", accent: "#3f6b5c" };

/**
 * The frame every email shares: calm colours, the practice's name, and for a
 * visitor the crisis lines. An email to the practice itself (a notice, a
 * sign-in link) leaves them out: they are meant for people who may be in
 * distress, not for the therapist reading her own notices.
 */
export function EmailLayout({
  preview,
  practice,
  children,
  audience = "visitor",
}: PracticeProps & { preview: string; children: ReactNode; audience?: "visitor" | "practice" }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, color: colors.ink, fontFamily: "Georgia, 'Times New Roman', serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: colors.card, borderRadius: 12, maxWidth: 560, padding: "32px 28px" }}>
          <Text style={{ color: colors.accent, fontSize: 18, fontWeight: 700, margin: "0 0 16px" }}>{practice.name}</Text>
          <Section>{children}</Section>
          {audience === "visitor" ? (
            <>
              <Hr style={{ borderColor: "#e6ddd2", margin: "28px 0 16px" }} />
              <Text style={{ color: colors.muted, fontSize: 13, lineHeight: "20px", margin: 0 }}>
                If you are in crisis or in danger, please don&apos;t wait for a reply:{" "}
                {practice.crisisLines}.
              </Text>
            </>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: 16, lineHeight: "26px", margin: "0 0 16px" } as const;

/** The practice's closing line. After a button it keeps the button's breathing room. */
export function SignOff({ practice, afterButton = false }: PracticeProps & { afterButton?: boolean }) {
  return (
    <Text style={afterButton ? { ...paragraph, marginTop: 16 } : paragraph}>
      Warmly,
      <br />
      {practice.name}
    </Text>
  );
}
export const button = {
  backgroundColor: colors.accent,
  borderRadius: 8,
  color: "#ffffff",
  display: "inline-block",
  fontSize: 16,
  padding: "12px 20px",
  textDecoration: "none",
} as const;
