import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { OperationRefusal, therapistOperation } from "@/lib/admin/therapist-operation";
import { recordAuditEvent } from "@/lib/audit/record";
import { requireTherapist } from "@/lib/auth/guards";
import { outboxEmailIdSchema } from "./outbox-schemas";

/**
 * Every email the portal sent or tried to, newest first. Recipient, template,
 * subject and delivery state only: the props that fill an email's body never
 * leave the database here.
 */
export async function listOutbox({ limit = 200 }: { limit?: number } = {}) {
  await requireTherapist();
  const db = await getDb();
  return db
    .select({
      id: outboxEmails.id,
      recipient: outboxEmails.recipient,
      template: outboxEmails.template,
      subject: outboxEmails.subject,
      status: outboxEmails.status,
      attempts: outboxEmails.attempts,
      lastError: outboxEmails.lastError,
      nextAttemptAt: outboxEmails.nextAttemptAt,
      sentAt: outboxEmails.sentAt,
      createdAt: outboxEmails.createdAt,
    })
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(Math.min(Math.max(1, limit), 500));
}

/** Sends a failed email again: back to pending, due now. The caller dispatches right after. */
export const retryEmail = therapistOperation(outboxEmailIdSchema, async ({ id }, therapist) => {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [retried] = await tx
      .update(outboxEmails)
      .set({ status: "pending", nextAttemptAt: new Date(), lockedUntil: null })
      .where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, "failed")))
      .returning({ id: outboxEmails.id });
    if (!retried) return new OperationRefusal("Only an email that failed can be sent again.");
    await recordAuditEvent(tx, { actor: therapist.email, action: "retry-email", subjectType: "outbox-email", subjectId: id });
    return { id };
  });
});

/**
 * Cancels an email still waiting to be sent. One being sent right now cannot
 * be called back, so only "pending" rows qualify.
 */
export const cancelEmail = therapistOperation(outboxEmailIdSchema, async ({ id }, therapist) => {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(outboxEmails)
      .set({ status: "cancelled", lockedUntil: null })
      .where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, "pending")))
      .returning({ id: outboxEmails.id });
    if (!cancelled) return new OperationRefusal("Only an email still waiting to be sent can be cancelled.");
    await recordAuditEvent(tx, { actor: therapist.email, action: "cancel-email", subjectType: "outbox-email", subjectId: id });
    return { id };
  });
});

/** What needs attention, for the overview: emails that gave up. */
export async function outboxNeedingAttention() {
  await requireTherapist();
  const db = await getDb();
  const [failed] = await db.select({ n: count() }).from(outboxEmails).where(eq(outboxEmails.status, "failed"));
  return { failed: failed!.n };
}
