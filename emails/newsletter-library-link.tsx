import { Text } from "@react-email/components";
import { paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";
import { LibraryButton, previewLibraryLink } from "./components/library-button";
import { NewsletterLayout, previewUnsubscribeUrl } from "./components/newsletter-layout";

export type NewsletterLibraryLinkProps = { libraryUrl: string; linkValidDays: number; unsubscribeUrl: string };

/** A new way into the library, for a subscriber who asked for one. */
export default function NewsletterLibraryLinkEmail({ libraryUrl, linkValidDays, unsubscribeUrl, practice }: NewsletterLibraryLinkProps & PracticeProps) {
  return (
    <NewsletterLayout preview="Your link to the library of freebies." unsubscribeUrl={unsubscribeUrl} practice={practice}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>Here is a fresh way into {practice.name}&apos;s library of journal prompts and worksheets:</Text>
      <LibraryButton libraryUrl={libraryUrl} linkValidDays={linkValidDays}>
        If you did not ask for it, you can ignore this email.
      </LibraryButton>
      <SignOff practice={practice} />
    </NewsletterLayout>
  );
}

NewsletterLibraryLinkEmail.PreviewProps = { ...previewLibraryLink, unsubscribeUrl: previewUnsubscribeUrl, practice: previewPractice } satisfies NewsletterLibraryLinkProps & PracticeProps;
