import { Button, Heading, Text } from "@react-email/components";
import { button, paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";
import { NewsletterLayout, previewUnsubscribeUrl } from "./components/newsletter-layout";

export type NewsletterSeriesPartProps = {
  series: string;
  part: number;
  parts: number;
  title: string;
  /** The post's own short description: an excerpt, not the post. */
  excerpt: string;
  /** The post's plain address: no tracking parameters, no redirect through anyone. */
  postUrl: string;
  unsubscribeUrl: string;
};

/** One part of the blog series, a week apart: a short excerpt and the link to read it on the site. */
export default function NewsletterSeriesPartEmail({ series, part, parts, title, excerpt, postUrl, unsubscribeUrl, practice }: NewsletterSeriesPartProps & PracticeProps) {
  return (
    <NewsletterLayout preview={`${series}, part ${part} of ${parts}: ${title}`} unsubscribeUrl={unsubscribeUrl} practice={practice}>
      <Text style={{ ...paragraph, margin: "0 0 4px" }}>{`${series} · part ${part} of ${parts}`}</Text>
      <Heading as="h1" style={{ fontSize: 24, lineHeight: "32px", margin: "0 0 20px" }}>
        {title}
      </Heading>
      <Text style={paragraph}>{excerpt}</Text>
      <Button href={postUrl} style={button}>
        Read part {part}
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        {part < parts ? "The next part follows in a week." : "This is the last part of the series. Thank you for reading it with me."}
      </Text>
      <SignOff practice={practice} />
    </NewsletterLayout>
  );
}

NewsletterSeriesPartEmail.PreviewProps = {
  series: "The attachment bond",
  part: 2,
  parts: 4,
  title: "Insecure Attachment: What It Is and How It Forms",
  excerpt: "Insecure attachment explained: how inconsistent, unavailable or frightening care shapes a child's bond, why it is an adaptation, and why repair matters.",
  postUrl: "http://localhost:3000/blog/insecure-attachment",
  unsubscribeUrl: previewUnsubscribeUrl,
  practice: previewPractice,
} satisfies NewsletterSeriesPartProps & PracticeProps;
