import { Button, Heading, Hr, Link, Text } from "@react-email/components";
import type { ComponentProps } from "react";
import Markdown, { defaultUrlTransform } from "react-markdown";
import { EmailLayout, button, paragraph } from "./components/email-layout";
import { NewsletterFooter } from "./components/newsletter-footer";

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

const listItem = { fontSize: 16, lineHeight: "26px", margin: "0 0 6px" } as const;

// Raw HTML in the Markdown is dropped (react-markdown never passes it through),
// links with unsafe schemes are blanked, and images are left out: an image from
// another server would tell it who opened the email.
const components: ComponentProps<typeof Markdown>["components"] = {
  p: ({ children }) => <Text style={paragraph}>{children}</Text>,
  a: ({ href, children }) => (
    <Link href={href} style={{ color: "#3f6b5c", textDecoration: "underline" }}>
      {children}
    </Link>
  ),
  h1: ({ children }) => <Heading as="h2" style={{ fontSize: 22, margin: "24px 0 12px" }}>{children}</Heading>,
  h2: ({ children }) => <Heading as="h2" style={{ fontSize: 20, margin: "24px 0 12px" }}>{children}</Heading>,
  h3: ({ children }) => <Heading as="h3" style={{ fontSize: 18, margin: "20px 0 10px" }}>{children}</Heading>,
  ul: ({ children }) => <ul style={{ margin: "0 0 16px", paddingLeft: 24 }}>{children}</ul>,
  ol: ({ children }) => <ol style={{ margin: "0 0 16px", paddingLeft: 24 }}>{children}</ol>,
  li: ({ children }) => <li style={listItem}>{children}</li>,
  blockquote: ({ children }) => (
    <blockquote style={{ borderLeft: "3px solid #3f6b5c", margin: "0 0 16px", paddingLeft: 14, color: "#4a433d" }}>{children}</blockquote>
  ),
  hr: () => <Hr style={{ borderColor: "#e6ddd2", margin: "24px 0" }} />,
};

/** One newsletter issue: the therapist's Markdown, set as a calm email, with a one-click way out. */
export default function NewsletterIssueEmail({ subject, body, siteUrl, postUrl, unsubscribeUrl }: NewsletterIssueProps) {
  const absolute = (url: string) => {
    const safe = defaultUrlTransform(url);
    return safe.startsWith("/") ? new URL(safe, siteUrl).toString() : safe;
  };
  return (
    <EmailLayout preview={subject}>
      <Heading as="h1" style={{ fontSize: 24, lineHeight: "32px", margin: "0 0 20px" }}>
        {subject}
      </Heading>
      <Markdown components={components} disallowedElements={["img"]} unwrapDisallowed={false} skipHtml urlTransform={absolute}>
        {body}
      </Markdown>
      {postUrl ? (
        <Button href={absolute(postUrl)} style={button}>
          Read the post
        </Button>
      ) : null}
      <NewsletterFooter unsubscribeUrl={unsubscribeUrl} />
    </EmailLayout>
  );
}

NewsletterIssueEmail.PreviewProps = {
  subject: "Part 2 of the attachment series is here",
  body: "Hello,\n\nThe second part of the series looks at **insecure attachment**: what it is, and how it forms.\n\n- why it is an adaptation, not a flaw\n- why repair matters more than perfection\n\nWarmly,  \nMaya",
  siteUrl: "http://localhost:3000",
  postUrl: "/blog/insecure-attachment",
  unsubscribeUrl: "http://localhost:3000/newsletter/unsubscribe/preview-token",
} satisfies NewsletterIssueProps;
