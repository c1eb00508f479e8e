import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { guardedOperation, guardedRead, refusal, saved } from "@/lib/auth/guarded-operation";
import { postPath, publishedPosts } from "@/lib/blog/posts";
import { broadcastProgress, startBroadcast } from "@/lib/newsletter/broadcast";
import { createIssue, draftPostAnnouncement, getIssue, issueHistory, previewIssue, sendTestIssue, updateIssue } from "@/lib/newsletter/issues";
import { cancelScheduledIssue, scheduleIssue, scheduleIssueSchema, scheduleMessages } from "@/lib/newsletter/schedule";
import { newsletterIssueSchema } from "@/lib/newsletter/schema";
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
  const result = await createIssue(therapist, issue);
  if (result.status === "saved") await audit({ action: "change", subjectType: "newsletter-issue", subjectId: result.saved.issueId, detail: { created: true } });
  return result;
});

const issueIdSchema = z.strictObject({ id: z.uuid({ error: "That issue could not be found." }) });

/** The edit form carries the issue's id; only a draft can change (lib/newsletter refuses the rest). */
export const editIssue = guardedOperation(newsletterIssueSchema.extend(issueIdSchema.shape), async ({ id, ...issue }, { therapist, audit }) => {
  const result = await updateIssue(therapist, id, issue);
  if (result.status === "saved") await audit({ action: "change", subjectType: "newsletter-issue", subjectId: result.saved.issueId });
  return result;
});

export const announcePostSchema = z.strictObject({ slug: z.string({ error: "Please choose a post." }).trim().min(1, "Please choose a post.").max(200) });

/** A draft prefilled from a published post; only posts published now qualify. */
export const announcePost = guardedOperation(announcePostSchema, async ({ slug }, { therapist, audit }) => {
  const post = publishedPosts().find((candidate) => candidate.slug === slug);
  if (!post) return refusal({ formError: "That post is not published, so it cannot be announced." });
  const { issueId } = await draftPostAnnouncement(therapist, { title: post.title, description: post.description, path: postPath(post.slug) });
  await audit({ action: "change", subjectType: "newsletter-issue", subjectId: issueId, detail: { created: true, announces: post.slug } });
  return saved("A draft announcing the post is ready.", { issueId });
});

/** Mails the issue to the signed-in therapist. The caller dispatches the outbox right after. */
export const sendTest = guardedOperation(issueIdSchema, async ({ id }, { therapist, audit }) => {
  if (!(await sendTestIssue(therapist, id))) return refusal({ formError: "That issue could not be found." });
  await audit({ action: "send-test-issue", subjectType: "newsletter-issue", subjectId: id });
  return saved("A test is on its way to your address.", { id });
});

const sendToAllSchema = issueIdSchema.extend({
  confirm: z.literal("yes", { error: "Please confirm that this issue should go to every confirmed subscriber." }),
});

/** Starts sending to every confirmed subscriber. The caller runs the broadcast after the response. */
export const sendToAll = guardedOperation(sendToAllSchema, async ({ id }, { therapist, audit }) => {
  const started = await startBroadcast(therapist, id);
  if (!started.started) return refusal({ formError: started.reason === "not-found" ? "That issue could not be found." : "This issue has already been sent." });
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
  if (!(await eraseSubscriber(therapist, id))) return refusal({ formError: "That subscriber could not be found; they may have been erased already." });
  await audit({ action: "erase", subjectType: "subscriber", subjectId: id });
  return saved("The subscriber was erased, with every email addressed to them.", { id });
});

/**
 * What the issue page says when scheduling did not happen, by the fixed word
 * the action puts in its address (post/redirect/get).
 */
export const scheduleProblems = {
  "schedule-time": scheduleMessages.time,
  "schedule-gap": scheduleMessages.gap,
  "schedule-soon": "Please choose a time at least a few minutes from now, or send it now instead.",
  "schedule-far": "Please choose a time within the next year.",
  schedule: "This issue can no longer be scheduled: it has been sent, or was deleted.",
  unschedule: "This issue is not scheduled any more: it may have started sending.",
} as const;

const scheduleRefusals = {
  "not-found": scheduleProblems.schedule,
  "not-a-draft": scheduleProblems.schedule,
  "too-soon": scheduleProblems["schedule-soon"],
  "too-far": scheduleProblems["schedule-far"],
} as const;

/** The word for a refused schedule's message, for the page's address. */
export function scheduleProblemWord(message: string | undefined): keyof typeof scheduleProblems {
  return (Object.entries(scheduleProblems).find(([, text]) => text === message)?.[0] as keyof typeof scheduleProblems | undefined) ?? "schedule";
}

/** Sends a draft later, at a time in the practice's zone; the sweep starts it then. */
export const scheduleSend = guardedOperation(scheduleIssueSchema, async ({ id, sendAt }, { therapist, audit }) => {
  const result = await scheduleIssue(therapist, id, sendAt);
  if (result.status === "refused") return refusal({ fieldErrors: result.reason.startsWith("too-") ? { sendAt: [scheduleRefusals[result.reason]] } : {}, formError: scheduleRefusals[result.reason] });
  await audit({ action: "schedule-issue", subjectType: "newsletter-issue", subjectId: id, detail: { at: sendAt.toISOString() } });
  return saved("Scheduled.", { id });
});

/** Takes the time off a scheduled draft before it goes; it stays a draft. */
export const cancelScheduledSend = guardedOperation(issueIdSchema, async ({ id }, { therapist, audit }) => {
  if (!(await cancelScheduledIssue(therapist, id))) return refusal({ formError: scheduleProblems.unschedule });
  await audit({ action: "cancel-schedule", subjectType: "newsletter-issue", subjectId: id });
  return saved("The schedule is cancelled; the issue is a draft again.", { id });
});
