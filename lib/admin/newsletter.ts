import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { guardedOperation, guardedRead, refusal, saved } from "@/lib/auth/guarded-operation";
import { postPath, publishedPosts } from "@/lib/blog/posts";
import { broadcastProgress, startBroadcast } from "@/lib/newsletter/broadcast";
import { createIssue, draftPostAnnouncement, getIssue, issueHistory, previewIssue, sendTestIssue, updateIssue } from "@/lib/newsletter/issues";
import { cancelScheduledIssue, scheduleIssue } from "@/lib/newsletter/schedule";
import { newsletterIssueSchema } from "@/lib/newsletter/schema";
import { announcePostSchema, scheduleIssueSchema, sendToAllSchema } from "@/lib/newsletter/room-schemas";
import { seriesTotals } from "@/lib/newsletter/series";
import { eraseSubscriber, exportSubscribersCsv, searchSubscribers, subscriberTotals, type SubscriberStatusFilter } from "@/lib/newsletter/subscribers";

/*
 * The newsletter and subscribers rooms of the private area. Each function
 * comes through the door in lib/auth/guarded-operation.ts and hands the
 * therapist it lets in to lib/newsletter, so the therapist passed there is
 * never read from the request; each write is audited (counts and ids only,
 * never a subscriber's address).
 */

export const listIssues = guardedRead(async ({ therapist }) => issueHistory(therapist));

/** One issue, or the not-found page for a malformed or unknown id. */
export const readIssue = guardedRead(async ({ therapist }, issueId: string) => {
  const issue = await getIssue(therapist, issueId);
  if (!issue) notFound();
  return issue;
});

/** The saved issue as subscribers will get it. */
export const previewSavedIssue = guardedRead(async ({ therapist }, issueId: string) => {
  const issue = await getIssue(therapist, issueId);
  if (!issue) notFound();
  return previewIssue(therapist, issue);
});

export const issueProgress = guardedRead(async ({ therapist }, issueId: string) => broadcastProgress(therapist, issueId));

/** Published posts the therapist can announce, newest first. */
export const postsToAnnounce = guardedRead(async () =>
  publishedPosts()
    .slice()
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .map((post) => ({ slug: post.slug, title: post.title, published: post.published })),
);

export const composeIssue = guardedOperation(newsletterIssueSchema, async (issue, { therapist, audit }) => {
  const { issueId } = await createIssue(therapist, issue);
  await audit({ action: "change", subjectType: "newsletter-issue", subjectId: issueId, detail: { created: true } });
  return saved("Draft saved.", { issueId });
});

const issueIdSchema = z.strictObject({ id: z.uuid({ error: "That issue could not be found." }) });

/** The edit form carries the issue's id; only a draft can change (lib/newsletter refuses the rest). */
export const editIssue = guardedOperation(newsletterIssueSchema.extend(issueIdSchema.shape), async ({ id, ...issue }, { therapist, audit }) => {
  const result = await updateIssue(therapist, id, issue);
  if (result.status === "refused") return refusal({ formError: result.message });
  await audit({ action: "change", subjectType: "newsletter-issue", subjectId: result.issueId });
  return saved("Saved.", { issueId: result.issueId });
});

/** A draft prefilled from a published post; only posts published now qualify. */
export const announcePost = guardedOperation(announcePostSchema, async ({ slug }, { therapist, audit }) => {
  const post = publishedPosts().find((candidate) => candidate.slug === slug);
  if (!post) return refusal({ fieldErrors: { slug: ["That post is not published, so it cannot be announced."] } });
  const { issueId } = await draftPostAnnouncement(therapist, { title: post.title, description: post.description, path: postPath(post.slug) });
  await audit({ action: "change", subjectType: "newsletter-issue", subjectId: issueId, detail: { created: true, announces: post.slug } });
  return saved("A draft announcing the post is ready.", { issueId });
});

/** Mails the issue to the signed-in therapist. The caller dispatches the outbox right after. */
export const sendTest = guardedOperation(issueIdSchema, async ({ id }, { therapist, audit }) => {
  const sent = await sendTestIssue(therapist, id);
  if (sent.status === "refused") return refusal({ formError: sent.message });
  await audit({ action: "send-test-issue", subjectType: "newsletter-issue", subjectId: id });
  return saved("A test is on its way to your address.", { id });
});

/** Starts sending to every confirmed subscriber. The caller runs the broadcast after the response. */
export const sendToAll = guardedOperation(sendToAllSchema, async ({ id }, { therapist, audit }) => {
  const started = await startBroadcast(therapist, id);
  if (started.status === "refused") return refusal({ formError: started.message });
  await audit({ action: "broadcast", subjectType: "newsletter-issue", subjectId: id, detail: { recipients: started.recipients } });
  return saved("The issue is on its way to every confirmed subscriber.", { id, recipients: started.recipients });
});

const STATUSES = ["pending", "confirmed", "unsubscribed", "suppressed"] as const satisfies readonly SubscriberStatusFilter[];

/** The subscribers room's search; anything odd in the query string is ignored rather than refused. */
export const findSubscribers = guardedRead(async ({ therapist }, params: { q?: unknown; status?: unknown; page?: unknown }) => {
  const query = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const status = STATUSES.find((candidate) => candidate === params.status);
  const page = Number.parseInt(typeof params.page === "string" ? params.page : "1", 10);
  const result = await searchSubscribers(therapist, { query, status, page: Number.isFinite(page) && page > 0 && page < 100_000 ? page : 1 });
  return { ...result, query, status };
});

const subscriberSearchSchema = z.strictObject({
  q: z.string().max(200, "Search for at most 200 characters.").default(""),
  status: z.union([z.enum(STATUSES), z.literal("")]).default(""),
});
export type SubscriberSearch = z.output<typeof subscriberSearchSchema>;

/**
 * A subscriber search, sent by POST so an address searched for never sits in
 * a URL (server logs, history, a Referer); the page remembers it in a
 * short-lived cookie scoped to the subscribers room (app/admin/(private)/subscribers).
 */
export const checkSubscriberSearch = guardedOperation(subscriberSearchSchema, async (search) => saved("Searched.", search));

/** The remembered search, as the cookie holds it; anything unreadable is no search. */
export function readSubscriberSearch(cookie: string | undefined): SubscriberSearch {
  try {
    const parsed = subscriberSearchSchema.safeParse(JSON.parse(cookie ?? "{}"));
    return parsed.success ? parsed.data : { q: "", status: "" };
  } catch {
    return { q: "", status: "" };
  }
}

export const newsletterTotals = guardedRead(async ({ therapist }) => subscriberTotals(therapist));

/** How many receive the series by email now, and how many have had all of it. */
export const seriesByEmail = guardedRead(async ({ therapist }) => seriesTotals(therapist));

/** Every subscriber as CSV; the export itself is audited. */
export const subscribersCsv = guardedRead(async ({ therapist, audit }) => {
  const csv = await exportSubscribersCsv(therapist);
  await audit({ action: "export", subjectType: "subscriber", detail: { rows: Math.max(0, csv.split("\r\n").length - 2) } });
  return csv;
});

const subscriberIdSchema = z.strictObject({ id: z.uuid({ error: "That subscriber could not be found." }) });

/** Erases one subscriber with their send records and emails. */
export const eraseOneSubscriber = guardedOperation(subscriberIdSchema, async ({ id }, { therapist, audit }) => {
  const erased = await eraseSubscriber(therapist, id);
  if (erased.status === "refused") return refusal({ formError: erased.message });
  await audit({ action: "erase", subjectType: "subscriber", subjectId: id });
  return saved("The subscriber was erased, with every email addressed to them.", { id });
});

/** Sends a draft later, at a time in the practice's zone; the sweep starts it then. */
export const scheduleSend = guardedOperation(scheduleIssueSchema, async ({ id, sendAt }, { therapist, audit }) => {
  const result = await scheduleIssue(therapist, id, sendAt);
  // A time too soon or too far is the time field's problem; an issue gone or sent, the whole form's.
  if (result.status === "refused") return result.reason === "too-soon" || result.reason === "too-far" ? refusal({ fieldErrors: { sendAt: [result.message] } }) : refusal({ formError: result.message });
  await audit({ action: "schedule-issue", subjectType: "newsletter-issue", subjectId: id, detail: { at: sendAt.toISOString() } });
  return saved("Scheduled. It goes to every confirmed subscriber at that time; you can still edit it or cancel the schedule until then.", { id });
});

/** Takes the time off a scheduled draft before it goes; it stays a draft. */
export const cancelScheduledSend = guardedOperation(issueIdSchema, async ({ id }, { therapist, audit }) => {
  const cancelled = await cancelScheduledIssue(therapist, id);
  if (cancelled.status === "refused") return refusal({ formError: cancelled.message });
  await audit({ action: "cancel-schedule", subjectType: "newsletter-issue", subjectId: id });
  return saved("The schedule is cancelled; the issue is a draft again.", { id });
});
