import { Text } from "@react-email/components";
import { paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";
import { LibraryButton, previewLibraryLink } from "./components/library-button";
import { NewsletterLayout, previewUnsubscribeUrl } from "./components/newsletter-layout";

export type NewsletterWelcomeProps = { libraryUrl: string; linkValidDays: number; unsubscribeUrl: string };

/** Sent once a subscription is confirmed: the way into the library of freebies. */
export default function NewsletterWelcomeEmail({ libraryUrl, linkValidDays, unsubscribeUrl, practice }: NewsletterWelcomeProps & PracticeProps) {
  return (
    <NewsletterLayout preview="Your subscription is confirmed. Here is the way into the library." unsubscribeUrl={unsubscribeUrl} practice={practice}>
      <Text style={paragraph}>{`Welcome to ${practice.name}’s newsletter.`}</Text>
      <Text style={paragraph}>
        Thank you for confirming. You will hear from {practice.therapistName} when a new post goes up, and now and then
        with something to try between posts.
      </Text>
      <Text style={paragraph}>
        The journal prompts and worksheets are waiting in the library. This button opens it on the device you use
        it on:
      </Text>
      <LibraryButton libraryUrl={libraryUrl} linkValidDays={linkValidDays}>
        Later, ask for a new link on the library page at any time.
      </LibraryButton>
      <SignOff practice={practice} />
    </NewsletterLayout>
  );
}

NewsletterWelcomeEmail.PreviewProps = { ...previewLibraryLink, unsubscribeUrl: previewUnsubscribeUrl, practice: previewPractice } satisfies NewsletterWelcomeProps & PracticeProps;
