import "server-only";
// The therapist's side of sending an issue: starting it and watching it go.
// Both take a Therapist, which only the guard makes (lib/auth/guards.ts).
// The delivery itself is the system's: broadcast-delivery.ts.
import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { newsletterIssues, newsletterSends, subscribers } from "@/db/schema";
import type { Therapist } from "@/lib/auth/guards";
import { done, refused, type Outcome } from "@/lib/forms/outcome";
import { isUuid } from "./issues";

export type StartBroadcastOutcome = Outcome<{ recipients: number }, "not-found" | "not-a-draft">;

const notFound = refused("not-found", "That issue could not be found.");

/**
 * Starts sending an issue: fixes its recipients (every confirmed, unsuppressed
 * subscriber at this moment) as one send record each. The admin action then
 * calls runBroadcast, typically in after(); the periodic sweep resumes any
 * issue whose sender stopped.
 */
export function startBroadcast(therapist: Therapist, issueId: string, now = new Date()): Promise<StartBroadcastOutcome> {
  return beginBroadcast(issueId, now);
}

/** The same start without a therapist: only the sweep calls it, for an issue she scheduled (lib/newsletter/schedule.ts). */
export async function beginBroadcast(issueId: string, now = new Date()): Promise<StartBroadcastOutcome> {
  if (!isUuid(issueId)) return notFound;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [issue] = await tx
      .update(newsletterIssues)
      // Sending now (by hand or on time) ends any schedule.
      .set({ status: "sending", sendStartedAt: now, scheduledFor: null, updatedAt: now })
      .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.status, "draft")))
      .returning({ id: newsletterIssues.id });
    if (!issue) {
      const [exists] = await tx.select({ id: newsletterIssues.id }).from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
      return exists ? refused("not-a-draft", "This issue has already been sent.") : notFound;
    }
    await tx.execute(sql`
      insert into ${newsletterSends} (issue_id, subscriber_id, created_at)
      select ${issueId}::uuid, ${subscribers.id}, ${now.toISOString()}::timestamptz from ${subscribers}
      where ${subscribers.status} = 'confirmed' and ${subscribers.suppressedAt} is null`);
    const [recipients] = await tx.select({ n: count() }).from(newsletterSends).where(eq(newsletterSends.issueId, issueId));
    await tx.update(newsletterIssues).set({ recipientCount: recipients!.n }).where(eq(newsletterIssues.id, issueId));
    return done({ recipients: recipients!.n });
  });
}

/** Sent of total, for the progress bar in the private area. */
export async function broadcastProgress(therapist: Therapist, issueId: string) {
  if (!isUuid(issueId)) return null;
  const db = await getDb();
  const [issue] = await db
    .select({ status: newsletterIssues.status, recipientCount: newsletterIssues.recipientCount, lastError: newsletterIssues.lastError })
    .from(newsletterIssues)
    .where(eq(newsletterIssues.id, issueId));
  if (!issue) return null;
  const rows = await db.select({ status: newsletterSends.status, n: count() }).from(newsletterSends).where(eq(newsletterSends.issueId, issueId)).groupBy(newsletterSends.status);
  const by = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
  // What Resend's webhooks said of each copy since: one status a recipient, the last that counts.
  const deliveries = await db
    .select({ delivery: newsletterSends.deliveryStatus, n: count() })
    .from(newsletterSends)
    .where(and(eq(newsletterSends.issueId, issueId), isNotNull(newsletterSends.deliveryStatus)))
    .groupBy(newsletterSends.deliveryStatus);
  const delivered = (status: string) => deliveries.find((row) => row.delivery === status)?.n ?? 0;
  return {
    delivered: delivered("delivered"),
    delayed: delivered("delayed"),
    bounced: delivered("bounced"),
    complained: delivered("complained"),
    status: issue.status,
    total: issue.recipientCount ?? 0,
    sent: by("sent"),
    failed: by("failed"),
    skipped: by("skipped"),
    pending: by("pending"),
    lastError: issue.lastError,
  };
}
