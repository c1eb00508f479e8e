import { z } from "zod";

const oneLine = /^[^\r\n\u2028\u2029]*$/;

const emailField = z
  .string({ error: "Please enter your email address." })
  .trim()
  .min(1, "Please enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Please enter an email address like name@example.com."));

/** Where a signup came from, for the subscribers room: a form on a page, or the end of a post. */
export const SIGNUP_SOURCE_PATTERN = /^(footer|newsletter|freebies|library|post:[a-z0-9]+(-[a-z0-9]+)*)$/;
export type SignupSource = "footer" | "newsletter" | "freebies" | "library" | `post:${string}`;

/**
 * The signup form, shared by the react-hook-form client, the plain form at
 * the foot of pages and posts, and the server action. It asks for an address,
 * optionally a first name, and consent.
 */
export const subscribeSchema = z.strictObject({
  email: emailField,
  firstName: z
    .string()
    .trim()
    .max(60, "Please keep your first name under 60 characters.")
    .regex(oneLine, "Please keep your first name on one line.")
    .optional()
    .transform((value) => value || undefined),
  consent: z.literal("yes", { error: "Please agree so that we may email you." }),
  // A hidden field: a tampered value is recorded as "newsletter" rather than refused,
  // since the person could not correct it.
  source: z.string().max(100).regex(SIGNUP_SOURCE_PATTERN).optional().catch("newsletter"),
});

export type SubscribeInput = z.input<typeof subscribeSchema>;
export type SubscribeField = "email" | "firstName" | "consent";
export const subscribeFields = ["email", "firstName", "consent"] as const satisfies readonly SubscribeField[];

/** "Email me a new link" to the library. */
export const libraryLinkSchema = z.strictObject({ email: emailField });
export type LibraryLinkInput = z.input<typeof libraryLinkSchema>;
export type LibraryLinkField = "email";
export const libraryLinkFields = ["email"] as const satisfies readonly LibraryLinkField[];

export const ISSUE_BODY_MAX_LENGTH = 50_000;

/** A newsletter issue as the therapist writes it: a subject and a Markdown body. */
export const newsletterIssueSchema = z.strictObject({
  subject: z
    .string({ error: "Please write a subject." })
    .trim()
    .min(1, "Please write a subject.")
    .max(150, "Please keep the subject under 150 characters.")
    .regex(oneLine, "Please keep the subject on one line."),
  body: z
    .string({ error: "Please write the newsletter." })
    .trim()
    .min(1, "Please write the newsletter.")
    .max(ISSUE_BODY_MAX_LENGTH, `Please keep the newsletter under ${ISSUE_BODY_MAX_LENGTH.toLocaleString("en-US")} characters.`),
});
export type NewsletterIssueInput = z.input<typeof newsletterIssueSchema>;
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

/** One person, one row: addresses are compared trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
