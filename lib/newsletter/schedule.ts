import "server-only";
import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { newsletterIssues } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Therapist } from "@/lib/auth/guards";
import { done, refused, type Outcome } from "@/lib/forms/outcome";
import { beginBroadcast } from "./broadcast";
import { isUuid } from "./issues";
import { DAY } from "@/lib/time";

/*
 * An issue sent later: a draft with a time. The sweep (lib/maintenance/sweep.ts)
 * starts each one when its time comes, exactly as "Send to all" would, and
 * the broadcast runs from there. Until then it is still a draft: she can edit
 * it, cancel the time, or send it at once.
 */

/** How far ahead a time must be, so an issue is never "scheduled" for a moment already gone by the time she clicks. */
const AT_LEAST_MINUTES_AHEAD = 2;
const AT_MOST_DAYS_AHEAD = 366;

export type ScheduleOutcome = Outcome<{ at: Date }, "not-found" | "not-a-draft" | "too-soon" | "too-far">;

const noLongerSchedulable = "This issue can no longer be scheduled: it has been sent, or was deleted.";

/** Sets (or moves) the time a draft goes out. A time too soon or too far is refused with words for the time field. */
export async function scheduleIssue(therapist: Therapist, issueId: string, at: Date, now = new Date()): Promise<ScheduleOutcome> {
  if (!isUuid(issueId)) return refused("not-found", noLongerSchedulable);
  if (at.getTime() < now.getTime() + AT_LEAST_MINUTES_AHEAD * 60_000) return refused("too-soon", "Please choose a time at least a few minutes from now, or send it now instead.");
  if (at.getTime() > now.getTime() + AT_MOST_DAYS_AHEAD * DAY) return refused("too-far", "Please choose a time within the next year.");
  const db = await getDb();
  const [scheduled] = await db
    .update(newsletterIssues)
    .set({ scheduledFor: at, updatedAt: now })
    .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.status, "draft")))
    .returning({ id: newsletterIssues.id });
  if (scheduled) return done({ at });
  const [exists] = await db.select({ id: newsletterIssues.id }).from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
  return refused(exists ? "not-a-draft" : "not-found", noLongerSchedulable);
}

/** Takes the time off a scheduled draft. Refused when there was nothing to cancel: it has started, or had no time. */
export async function cancelScheduledIssue(therapist: Therapist, issueId: string, now = new Date()): Promise<Outcome<object, "not-scheduled">> {
  const notScheduled = refused("not-scheduled", "This issue is not scheduled any more: it may have started sending.");
  if (!isUuid(issueId)) return notScheduled;
  const db = await getDb();
  const [cancelled] = await db
    .update(newsletterIssues)
    .set({ scheduledFor: null, updatedAt: now })
    .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.status, "draft"), isNotNull(newsletterIssues.scheduledFor)))
    .returning({ id: newsletterIssues.id });
  return cancelled ? done() : notScheduled;
}

/**
 * Starts every scheduled issue whose time has come; the sweep's broadcast
 * step then sends them. startBroadcast moves a draft on only once, so two
 * servers sweeping at the same moment start each issue once. The start is
 * recorded in the audit log as the system's.
 */
export async function startDueIssues(now = new Date()): Promise<string[]> {
  const db = await getDb();
  const due = await db
    .select({ id: newsletterIssues.id })
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.status, "draft"), lte(newsletterIssues.scheduledFor, now)))
    .orderBy(asc(newsletterIssues.scheduledFor));
  const started: string[] = [];
  for (const { id } of due) {
    const result = await beginBroadcast(id, now);
    if (result.status !== "done") continue;
    await recordAuditEvent(db, { actor: null, action: "broadcast", subjectType: "newsletter-issue", subjectId: id, detail: { recipients: result.recipients, scheduled: true }, at: now });
    started.push(id);
  }
  return started;
}
