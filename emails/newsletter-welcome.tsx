import { Button, Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { EmailLayout, button, paragraph } from "./components/email-layout";
import { NewsletterFooter } from "./components/newsletter-footer";

export type NewsletterWelcomeProps = { firstName?: string; libraryUrl: string; linkValidDays: number; unsubscribeUrl: string };

/** Sent once a subscription is confirmed: the way into the library of freebies. */
export default function NewsletterWelcomeEmail({ firstName, libraryUrl, linkValidDays, unsubscribeUrl }: NewsletterWelcomeProps) {
  return (
    <EmailLayout preview="Your subscription is confirmed. Here is the way into the library.">
      <Text style={paragraph}>{firstName ? `Hello ${firstName},` : "Hello,"}</Text>
      <Text style={paragraph}>
        Thank you for confirming. You will hear from {practice.therapist.name} when a new post goes up, and now and then
        with something to try between posts.
      </Text>
      <Text style={paragraph}>
        The journal prompts, worksheets and videos are waiting in the library. This button opens it on the device you use
        it on:
      </Text>
      <Button href={libraryUrl} style={button}>
        Open the library
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        The button works for {linkValidDays} days. Later, ask for a new link on the library page at any time.
      </Text>
      <Text style={paragraph}>Warmly,<br />{practice.name}</Text>
      <NewsletterFooter unsubscribeUrl={unsubscribeUrl} />
    </EmailLayout>
  );
}

NewsletterWelcomeEmail.PreviewProps = {
  firstName: "Sam",
  libraryUrl: "http://localhost:3000/freebies/access/preview-token",
  linkValidDays: 7,
  unsubscribeUrl: "http://localhost:3000/newsletter/unsubscribe/preview-token",
} satisfies NewsletterWelcomeProps;
