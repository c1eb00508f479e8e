import "server-only";
import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";
import { getDb } from "@/db/client";
import { newsletterIssues } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Therapist } from "@/lib/auth/guards";
import { practice } from "@/lib/practice/practice";
import { startBroadcast } from "./broadcast";
import { isUuid } from "./issues";

/*
 * An issue sent later: a draft with a time. The sweep (lib/maintenance/sweep.ts)
 * starts each one when its time comes, exactly as "Send to all" would, and
 * the broadcast runs from there. Until then it is still a draft: she can edit
 * it, cancel the time, or send it at once.
 */

/** How far ahead a time must be, so an issue is never "scheduled" for a moment already gone by the time she clicks. */
const AT_LEAST_MINUTES_AHEAD = 2;
const AT_MOST_DAYS_AHEAD = 366;

/** A datetime-local value ("2026-12-24T09:30") read as wall-clock time in the practice's zone. */
export function practiceWallClock(value: string): Date | null {
  const local = DateTime.fromISO(value, { zone: practice.timeZone });
  if (!local.isValid) return null;
  // A time inside the hour the clocks skip does not exist; Luxon would move it.
  if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== value.slice(0, 16)) return null;
  return local.toJSDate();
}

/** The value a datetime-local input shows for an instant, in the practice's zone. */
export function practiceInputValue(at: Date): string {
  return DateTime.fromJSDate(at, { zone: practice.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export const scheduleMessages = {
  time: "Please choose a day and time.",
  gap: "That time does not exist here (the clocks skip it). Please choose another.",
} as const;

export const scheduleIssueSchema = z.strictObject({
  id: z.uuid({ error: "That issue could not be found." }),
  sendAt: z
    .string({ error: scheduleMessages.time })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, scheduleMessages.time)
    .transform((value, ctx) => {
      const at = practiceWallClock(value);
      if (!at) {
        ctx.addIssue({ code: "custom", message: scheduleMessages.gap });
        return z.NEVER;
      }
      return at;
    }),
});

export type ScheduleResult = { status: "scheduled"; at: Date } | { status: "refused"; reason: "not-found" | "not-a-draft" | "too-soon" | "too-far" };

export async function scheduleIssue(_therapist: Pick<Therapist, "email">, issueId: string, at: Date, now = new Date()): Promise<ScheduleResult> {
  if (!isUuid(issueId)) return { status: "refused", reason: "not-found" };
  if (at.getTime() < now.getTime() + AT_LEAST_MINUTES_AHEAD * 60_000) return { status: "refused", reason: "too-soon" };
  if (at.getTime() > now.getTime() + AT_MOST_DAYS_AHEAD * 86_400_000) return { status: "refused", reason: "too-far" };
  const db = await getDb();
  const [scheduled] = await db
    .update(newsletterIssues)
    .set({ scheduledFor: at, updatedAt: now })
    .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.status, "draft")))
    .returning({ id: newsletterIssues.id });
  if (scheduled) return { status: "scheduled", at };
  const [exists] = await db.select({ id: newsletterIssues.id }).from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
  return { status: "refused", reason: exists ? "not-a-draft" : "not-found" };
}

/** Takes the time off a scheduled draft. False when there was nothing to cancel: it has started, or had no time. */
export async function cancelScheduledIssue(_therapist: Pick<Therapist, "email">, issueId: string, now = new Date()): Promise<boolean> {
  if (!isUuid(issueId)) return false;
  const db = await getDb();
  const [cancelled] = await db
    .update(newsletterIssues)
    .set({ scheduledFor: null, updatedAt: now })
    .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.status, "draft"), isNotNull(newsletterIssues.scheduledFor)))
    .returning({ id: newsletterIssues.id });
  return Boolean(cancelled);
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
    const result = await startBroadcast({ email: "system" }, id, now);
    if (!result.started) continue;
    await recordAuditEvent(db, { actor: null, action: "broadcast", subjectType: "newsletter-issue", subjectId: id, detail: { recipients: result.recipients, scheduled: true }, at: now });
    started.push(id);
  }
  return started;
}
