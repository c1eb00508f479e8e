import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { newsletterIssues, newsletterSends, type NewsletterIssue } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail, type RenderedEmail } from "@/lib/email/render";
import { env } from "@/lib/env";
import type { Therapist } from "@/lib/auth/guards";
import { done, refused, type Outcome } from "@/lib/forms/outcome";
import { listId, oneClickUnsubscribeUrl, unsubscribePageUrl } from "./links";
import { postAnnouncementSchema, type NewsletterIssueDraft, type PostAnnouncement } from "./schema";

/*
 * The therapist's side of the newsletter. Every function here takes a
 * Therapist first, which only the guard can make (lib/auth/guards.ts), so no
 * caller reaches these without the guard having run; the type checker proves
 * it. Input arrives parsed: the room (lib/admin/newsletter.ts) parses each
 * form once, through guardedOperation().
 */

/** An edited draft saved, or why it was not changed. */
export type IssueSaveOutcome = Outcome<{ issueId: string }, "not-a-draft">;

// Test sends and previews show the real layout; their unsubscribe link leads
// to a page that explains it belongs to no one.
const SAMPLE_UNSUBSCRIBE_TOKEN = "sample-link-in-a-test-or-preview-000000000";

function issueProps(issue: Pick<NewsletterIssue, "subject" | "body" | "postUrl">, unsubscribeUrl: string) {
  return { subject: issue.subject, body: issue.body, siteUrl: env().APP_URL, postUrl: issue.postUrl ?? undefined, unsubscribeUrl };
}

/** Saves a new draft issue, as the compose form's schema (lib/newsletter/schema.ts) parsed it. */
export async function createIssue(therapist: Therapist, issue: NewsletterIssueDraft): Promise<{ issueId: string }> {
  const db = await getDb();
  const [saved] = await db
    .insert(newsletterIssues)
    .values({ subject: issue.subject, body: issue.body, createdBy: therapist.email })
    .returning({ id: newsletterIssues.id });
  return { issueId: saved!.id };
}

/** Edits a draft. An issue that has started sending is never changed: a resumed batch must match what was sent. */
export async function updateIssue(therapist: Therapist, issueId: string, issue: NewsletterIssueDraft): Promise<IssueSaveOutcome> {
  const db = await getDb();
  const [saved] = isUuid(issueId)
    ? await db
        .update(newsletterIssues)
        .set({ subject: issue.subject, body: issue.body, updatedAt: new Date() })
        .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.status, "draft")))
        .returning({ id: newsletterIssues.id })
    : [];
  if (!saved) return refused("not-a-draft", "This issue has been sent (or no longer exists), so it cannot be changed.");
  return done({ issueId: saved.id });
}

/**
 * "Announce a post": a draft prefilled from a published post, which the
 * therapist can edit before sending. The caller passes what the blog knows
 * about the post (title, description, path).
 */
export async function draftPostAnnouncement(therapist: Therapist, post: PostAnnouncement): Promise<{ issueId: string }> {
  const { title, description, path } = postAnnouncementSchema.parse(post);
  const body = [`A new post is up on the blog: **${escapeMarkdown(title)}**.`, description ? escapeMarkdown(description) : null, `[Read “${escapeMarkdown(title)}”](${path})`]
    .filter(Boolean)
    .join("\n\n");
  const db = await getDb();
  const [issue] = await db
    .insert(newsletterIssues)
    .values({ subject: `New post: ${title}`.slice(0, 150), body, postUrl: path, createdBy: therapist.email })
    .returning({ id: newsletterIssues.id });
  return { issueId: issue!.id };
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

export async function getIssue(therapist: Therapist, issueId: string) {
  if (!isUuid(issueId)) return null;
  const db = await getDb();
  const [issue] = await db
    .select({
      id: newsletterIssues.id,
      subject: newsletterIssues.subject,
      body: newsletterIssues.body,
      postUrl: newsletterIssues.postUrl,
      status: newsletterIssues.status,
      recipientCount: newsletterIssues.recipientCount,
      testSentAt: newsletterIssues.testSentAt,
      sendStartedAt: newsletterIssues.sendStartedAt,
      sentAt: newsletterIssues.sentAt,
      scheduledFor: newsletterIssues.scheduledFor,
      lastError: newsletterIssues.lastError,
      createdAt: newsletterIssues.createdAt,
      updatedAt: newsletterIssues.updatedAt,
    })
    .from(newsletterIssues)
    .where(eq(newsletterIssues.id, issueId));
  return issue ?? null;
}

/** The issue as a subscriber will see it, from a saved issue or from what is in the compose form. */
export async function previewIssue(therapist: Therapist, issue: { subject: string; body: string; postUrl?: string | null }): Promise<RenderedEmail & { subject: string }> {
  const rendered = await renderEmail("newsletter-issue", issueProps({ ...issue, postUrl: issue.postUrl ?? null }, unsubscribePageUrl(SAMPLE_UNSUBSCRIBE_TOKEN)));
  return { subject: issue.subject, ...rendered };
}

/** Mails the issue to the therapist, through the outbox, exactly as subscribers will get it. */
export async function sendTestIssue(therapist: Therapist, issueId: string, now = new Date()): Promise<Outcome<object, "not-found">> {
  const notFound = refused("not-found", "That issue could not be found.");
  if (!isUuid(issueId)) return notFound;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [issue] = await tx.update(newsletterIssues).set({ testSentAt: now }).where(eq(newsletterIssues.id, issueId)).returning();
    if (!issue) return notFound;
    await enqueueEmail(tx, {
      to: therapist.email,
      template: "newsletter-issue",
      props: { ...issueProps(issue, unsubscribePageUrl(SAMPLE_UNSUBSCRIBE_TOKEN)), subject: `[Test] ${issue.subject}` },
      headers: {
        "List-Unsubscribe": `<${oneClickUnsubscribeUrl(SAMPLE_UNSUBSCRIBE_TOKEN)}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": listId(),
      },
    });
    return done();
  });
}

/** Every issue, newest first, with how many it went to and how that went. */
export async function issueHistory(therapist: Therapist, limit = 50) {
  const db = await getDb();
  const issues = await db
    .select({
      id: newsletterIssues.id,
      subject: newsletterIssues.subject,
      status: newsletterIssues.status,
      recipientCount: newsletterIssues.recipientCount,
      sendStartedAt: newsletterIssues.sendStartedAt,
      sentAt: newsletterIssues.sentAt,
      scheduledFor: newsletterIssues.scheduledFor,
      createdAt: newsletterIssues.createdAt,
    })
    .from(newsletterIssues)
    .orderBy(desc(newsletterIssues.createdAt))
    .limit(limit);
  if (issues.length === 0) return [];
  const counts = await db
    .select({ issueId: newsletterSends.issueId, status: newsletterSends.status, deliveryStatus: newsletterSends.deliveryStatus, n: count() })
    .from(newsletterSends)
    .where(inArray(newsletterSends.issueId, issues.map((issue) => issue.id)))
    .groupBy(newsletterSends.issueId, newsletterSends.status, newsletterSends.deliveryStatus);
  return issues.map((issue) => {
    const mine = counts.filter((row) => row.issueId === issue.id);
    const sum = (test: (row: (typeof mine)[number]) => boolean) => mine.filter(test).reduce((total, row) => total + row.n, 0);
    return {
      ...issue,
      counts: {
        sent: sum((row) => row.status === "sent"),
        failed: sum((row) => row.status === "failed"),
        skipped: sum((row) => row.status === "skipped"),
        pending: sum((row) => row.status === "pending"),
        delivered: sum((row) => row.deliveryStatus === "delivered"),
        bounced: sum((row) => row.deliveryStatus === "bounced"),
        complained: sum((row) => row.deliveryStatus === "complained"),
      },
    };
  });
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
