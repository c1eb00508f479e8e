import "server-only";
// The therapist's side of sending an issue: starting it and watching it go.
// Both take the result of requireTherapist() first (see lib/admin/newsletter.ts).
// The delivery itself is the system's: broadcast-delivery.ts.
import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { newsletterIssues, newsletterSends, subscribers } from "@/db/schema";
import type { Therapist } from "@/lib/auth/guards";
import { isUuid } from "./issues";

export type StartBroadcastResult = { started: true; recipients: number } | { started: false; reason: "not-found" | "not-a-draft" };

/**
 * Starts sending an issue: fixes its recipients (every confirmed, unsuppressed
 * subscriber at this moment) as one send record each. The admin action then
 * calls runBroadcast, typically in after(); the periodic sweep resumes any
 * issue whose sender stopped.
 */
export async function startBroadcast(_therapist: Pick<Therapist, "email">, issueId: string, now = new Date()): Promise<StartBroadcastResult> {
  if (!isUuid(issueId)) return { started: false, reason: "not-found" };
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
      return { started: false, reason: exists ? "not-a-draft" : "not-found" } as const;
    }
    await tx.execute(sql`
      insert into ${newsletterSends} (issue_id, subscriber_id, created_at)
      select ${issueId}::uuid, ${subscribers.id}, ${now.toISOString()}::timestamptz from ${subscribers}
      where ${subscribers.status} = 'confirmed' and ${subscribers.suppressedAt} is null`);
    const [recipients] = await tx.select({ n: count() }).from(newsletterSends).where(eq(newsletterSends.issueId, issueId));
    await tx.update(newsletterIssues).set({ recipientCount: recipients!.n }).where(eq(newsletterIssues.id, issueId));
    return { started: true, recipients: recipients!.n } as const;
  });
}
/** Sent of total, for the progress bar in the private area. */
export async function broadcastProgress(_therapist: Pick<Therapist, "email">, issueId: string) {
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
