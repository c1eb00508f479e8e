import { Button, Heading } from "@react-email/components";
import { button, type PracticeProps, previewPractice } from "./components/email-layout";
import { EmailMarkdown } from "./components/email-markdown";
import { NewsletterLayout, previewUnsubscribeUrl } from "./components/newsletter-layout";

export type NewsletterIssueProps = {
  subject: string;
  /** Markdown, as the therapist wrote it. */
  body: string;
  /** The site's address, so links like /blog/… work from an inbox. */
  siteUrl: string;
  /** Set when the issue announces a post. */
  postUrl?: string;
  unsubscribeUrl: string;
};

const SAFE_LINK = /^(https?:|mailto:|\/(?!\/))/i;

/** One newsletter issue: the therapist's Markdown, set as a calm email, with a one-click way out. */
export default function NewsletterIssueEmail({ subject, body, siteUrl, postUrl, unsubscribeUrl, practice }: NewsletterIssueProps & PracticeProps) {
  // Only web, mail and same-site links survive; site paths become absolute.
  const resolveUrl = (url: string) => {
    const trimmed = url.trim();
    if (!SAFE_LINK.test(trimmed)) return undefined;
    return trimmed.startsWith("/") ? new URL(trimmed, siteUrl).toString() : trimmed;
  };
  const postLink = postUrl ? resolveUrl(postUrl) : undefined;
  return (
    <NewsletterLayout preview={subject} unsubscribeUrl={unsubscribeUrl} practice={practice}>
      <Heading as="h1" style={{ fontSize: 24, lineHeight: "32px", margin: "0 0 20px" }}>
        {subject}
      </Heading>
      <EmailMarkdown source={body} resolveUrl={resolveUrl} />
      {postLink ? (
        <Button href={postLink} style={button}>
          Read the post
        </Button>
      ) : null}
    </NewsletterLayout>
  );
}

NewsletterIssueEmail.PreviewProps = {
  subject: "Part 2 of the attachment series is here",
  body: "Hello,\n\nThe second part of the series looks at **insecure attachment**: what it is, and how it forms.\n\n- why it is an adaptation, not a flaw\n- why repair matters more than perfection\n\nWarmly,  \nMaya",
  siteUrl: "http://localhost:3000",
  postUrl: "/blog/insecure-attachment",
  unsubscribeUrl: previewUnsubscribeUrl,
  practice: previewPractice,
} satisfies NewsletterIssueProps & PracticeProps;
