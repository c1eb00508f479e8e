import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { OperationRefusal, therapistOperation } from "@/lib/admin/therapist-operation";
import { recordAuditEvent } from "@/lib/audit/record";
import { requireTherapist } from "@/lib/auth/guards";
import { postPath, publishedPosts } from "@/lib/blog/posts";
import { broadcastProgress, startBroadcast } from "@/lib/newsletter/broadcast";
import { createIssue, draftPostAnnouncement, getIssue, issueHistory, previewIssue, sendTestIssue, updateIssue, type IssueFormState } from "@/lib/newsletter/issues";
import { eraseSubscriber, exportSubscribersCsv, searchSubscribers, subscriberTotals, type SubscriberStatusFilter } from "@/lib/newsletter/subscribers";

/**
 * The private side of the newsletter, for app/admin. Each function runs the
 * guard first and hands its result to the engine in lib/newsletter, so the
 * therapist passed there is never read from the request; each write is
 * audited (counts and ids only, never a subscriber's address).
 */

async function audit(entry: Parameters<typeof recordAuditEvent>[1]) {
  await recordAuditEvent(await getDb(), entry);
}

export async function listIssues() {
  const therapist = await requireTherapist();
  return issueHistory(therapist);
}

/** One issue, or the not-found page for a malformed or unknown id. */
export async function readIssue(issueId: string) {
  const therapist = await requireTherapist();
  const issue = await getIssue(therapist, issueId);
  if (!issue) notFound();
  return issue;
}

/** The saved issue as subscribers will get it. */
export async function previewSavedIssue(issueId: string) {
  const therapist = await requireTherapist();
  const issue = await getIssue(therapist, issueId);
  if (!issue) notFound();
  return previewIssue(therapist, issue);
}

export async function issueProgress(issueId: string) {
  const therapist = await requireTherapist();
  return broadcastProgress(therapist, issueId);
}

/** Published posts the therapist can announce, newest first. */
export async function postsToAnnounce() {
  await requireTherapist();
  return publishedPosts()
    .slice()
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .map((post) => ({ slug: post.slug, title: post.title, published: post.published }));
}

export async function composeIssue(input: FormData | Record<string, unknown>): Promise<IssueFormState> {
  const therapist = await requireTherapist();
  const result = await createIssue(therapist, input);
  if (result.status === "saved") await audit({ actor: therapist.email, action: "change", subjectType: "newsletter-issue", subjectId: result.issueId, detail: { created: true } });
  return result;
}

export async function editIssue(issueId: string, input: FormData | Record<string, unknown>): Promise<IssueFormState> {
  const therapist = await requireTherapist();
  const result = await updateIssue(therapist, String(issueId), input);
  if (result.status === "saved") await audit({ actor: therapist.email, action: "change", subjectType: "newsletter-issue", subjectId: result.issueId });
  return result;
}

export const announcePostSchema = z.strictObject({ slug: z.string({ error: "Please choose a post." }).trim().min(1, "Please choose a post.").max(200) });

/** A draft prefilled from a published post; only posts published now qualify. */
export const announcePost = therapistOperation(announcePostSchema, async ({ slug }, therapist) => {
  const post = publishedPosts().find((candidate) => candidate.slug === slug);
  if (!post) return new OperationRefusal("That post is not published, so it cannot be announced.");
  const { issueId } = await draftPostAnnouncement(therapist, { title: post.title, description: post.description, path: postPath(post.slug) });
  await audit({ actor: therapist.email, action: "change", subjectType: "newsletter-issue", subjectId: issueId, detail: { created: true, announces: post.slug } });
  return { issueId };
});

const issueIdSchema = z.strictObject({ id: z.uuid({ error: "That issue could not be found." }) });

/** Mails the issue to the signed-in therapist. The caller dispatches the outbox right after. */
export const sendTest = therapistOperation(issueIdSchema, async ({ id }, therapist) => {
  if (!(await sendTestIssue(therapist, id))) return new OperationRefusal("That issue could not be found.");
  await audit({ actor: therapist.email, action: "send-test-issue", subjectType: "newsletter-issue", subjectId: id });
  return { id };
});

const sendToAllSchema = issueIdSchema.extend({
  confirm: z.literal("yes", { error: "Please confirm that this issue should go to every confirmed subscriber." }),
});

/** Starts sending to every confirmed subscriber. The caller runs the broadcast after the response. */
export const sendToAll = therapistOperation(sendToAllSchema, async ({ id }, therapist) => {
  const started = await startBroadcast(therapist, id);
  if (!started.started) return new OperationRefusal(started.reason === "not-found" ? "That issue could not be found." : "This issue has already been sent.");
  await audit({ actor: therapist.email, action: "broadcast", subjectType: "newsletter-issue", subjectId: id, detail: { recipients: started.recipients } });
  return { id, recipients: started.recipients };
});

const STATUSES = ["pending", "confirmed", "unsubscribed", "suppressed"] as const satisfies readonly SubscriberStatusFilter[];

/** The subscribers room's search; anything odd in the query string is ignored rather than refused. */
export async function findSubscribers(params: { q?: unknown; status?: unknown; page?: unknown }) {
  const therapist = await requireTherapist();
  const query = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const status = STATUSES.find((candidate) => candidate === params.status);
  const page = Number.parseInt(typeof params.page === "string" ? params.page : "1", 10);
  const result = await searchSubscribers(therapist, { query, status, page: Number.isFinite(page) && page > 0 && page < 100_000 ? page : 1 });
  return { ...result, query, status };
}

export async function newsletterTotals() {
  const therapist = await requireTherapist();
  return subscriberTotals(therapist);
}

/** Every subscriber as CSV; the export itself is audited. */
export async function subscribersCsv() {
  const therapist = await requireTherapist();
  const csv = await exportSubscribersCsv(therapist);
  await audit({ actor: therapist.email, action: "export", subjectType: "subscriber", detail: { rows: Math.max(0, csv.split("\r\n").length - 2) } });
  return csv;
}

const subscriberIdSchema = z.strictObject({ id: z.uuid({ error: "That subscriber could not be found." }) });

/** Erases one subscriber with their send records and emails. */
export const eraseOneSubscriber = therapistOperation(subscriberIdSchema, async ({ id }, therapist) => {
  if (!(await eraseSubscriber(therapist, id))) return new OperationRefusal("That subscriber could not be found; they may have been erased already.");
  await audit({ actor: therapist.email, action: "erase", subjectType: "subscriber", subjectId: id });
  return { id };
});
