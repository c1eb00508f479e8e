import { z } from "zod";
import { addressFormSchema, agreement, emailAddress, oneLineText, optionalOneLineText, proseText } from "@/lib/forms/fields";

const oneLine = /^[^\r\n\u2028\u2029]*$/;

/** Where a signup came from, for the subscribers room: a form on a page, or the end of a post. */
export const SIGNUP_SOURCE_PATTERN = /^(footer|newsletter|freebies|library|post:[a-z0-9]+(-[a-z0-9]+)*)$/;
export type SignupSource = "footer" | "newsletter" | "freebies" | "library" | `post:${string}`;

/**
 * The signup form, shared by the react-hook-form client, the plain form at
 * the foot of pages and posts, and the server action. It asks for an address,
 * optionally a first name, and consent.
 */
export const subscribeSchema = z.strictObject({
  email: emailAddress,
  firstName: optionalOneLineText(60, { tooLong: "Please keep your first name under 60 characters.", oneLine: "Please keep your first name on one line." }),
  consent: agreement("Please agree so that we may email you."),
  // A hidden field: a tampered value is recorded as "newsletter" rather than refused,
  // since the person could not correct it.
  source: z.string().max(100).regex(SIGNUP_SOURCE_PATTERN).optional().catch("newsletter"),
});

export type SubscribeInput = z.input<typeof subscribeSchema>;
export type SubscribeField = "email" | "firstName" | "consent";
export const subscribeFields = ["email", "firstName", "consent"] as const satisfies readonly SubscribeField[];

/** "Email me a new link" to the library. */
export const libraryLinkSchema = addressFormSchema;
export type LibraryLinkInput = z.input<typeof libraryLinkSchema>;
export type LibraryLinkField = "email";
export const libraryLinkFields = ["email"] as const satisfies readonly LibraryLinkField[];

export const ISSUE_BODY_MAX_LENGTH = 50_000;

/** A newsletter issue as the therapist writes it: a subject and a Markdown body. */
export const newsletterIssueSchema = z.strictObject({
  subject: oneLineText(150, { required: "Please write a subject.", tooLong: "Please keep the subject under 150 characters.", oneLine: "Please keep the subject on one line." }),
  body: proseText(ISSUE_BODY_MAX_LENGTH, {
    required: "Please write the newsletter.",
    tooLong: `Please keep the newsletter under ${ISSUE_BODY_MAX_LENGTH.toLocaleString("en-US")} characters.`,
  }),
});
export type NewsletterIssueInput = z.input<typeof newsletterIssueSchema>;
/** A draft as the schema parsed it: what lib/newsletter/issues.ts saves. */
export type NewsletterIssueDraft = z.output<typeof newsletterIssueSchema>;
export type NewsletterIssueField = keyof NewsletterIssueInput & string;
export const newsletterIssueFields = ["subject", "body"] as const satisfies readonly NewsletterIssueField[];

/** A published post to announce: what the blog knows about it. */
export const postAnnouncementSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).regex(oneLine),
  description: z.string().trim().max(1000).default(""),
  // The post's address on this site, e.g. /blog/secure-attachment-with-your-baby.
  path: z.string().regex(/^\/[a-z0-9/-]*$/, "use the post's path on this site, e.g. /blog/my-post"),
});
export type PostAnnouncement = z.input<typeof postAnnouncementSchema>;
