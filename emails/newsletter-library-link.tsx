import { Button, Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { EmailLayout, button, paragraph } from "./components/email-layout";
import { NewsletterFooter } from "./components/newsletter-footer";

export type NewsletterLibraryLinkProps = { libraryUrl: string; linkValidDays: number; unsubscribeUrl: string };

/** A new way into the library, for a subscriber who asked for one. */
export default function NewsletterLibraryLinkEmail({ libraryUrl, linkValidDays, unsubscribeUrl }: NewsletterLibraryLinkProps) {
  return (
    <EmailLayout preview="Your link to the library of freebies.">
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>Here is a fresh way into {practice.name}&apos;s library of journal prompts, worksheets and videos:</Text>
      <Button href={libraryUrl} style={button}>
        Open the library
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        The button works for {linkValidDays} days. If you did not ask for it, you can ignore this email.
      </Text>
      <Text style={paragraph}>Warmly,<br />{practice.name}</Text>
      <NewsletterFooter unsubscribeUrl={unsubscribeUrl} />
    </EmailLayout>
  );
}

NewsletterLibraryLinkEmail.PreviewProps = {
  libraryUrl: "http://localhost:3000/freebies/access/preview-token",
  linkValidDays: 7,
  unsubscribeUrl: "http://localhost:3000/newsletter/unsubscribe/preview-token",
} satisfies NewsletterLibraryLinkProps;
