import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { guardedOperation, guardedRead, refusal, saved } from "@/lib/auth/guarded-operation";
import { env } from "@/lib/env";
import { deliverAfterResponse } from "@/lib/email/delivery";
import { outboxEmailIdSchema } from "@/lib/email/outbox-schemas";
import { heldBackEmails } from "@/lib/email/unverified";
import { DAY } from "@/lib/time";

/**
 * Every email the portal sent or tried to, newest first. Recipient, template,
 * subject and delivery state only: the props that fill an email's body never
 * leave the database here.
 */
export const listOutbox = guardedRead(async () => {
  const { id, recipient, template, subject, status, attempts, lastError, nextAttemptAt, sentAt, createdAt } = outboxEmails;
  const db = await getDb();
  return db
    .select({ id, recipient, template, subject, status, attempts, lastError, nextAttemptAt, sentAt, createdAt })
    .from(outboxEmails)
    .orderBy(desc(createdAt), desc(id))
    .limit(200);
});

/**
 * Moves one email from the state it must be in to the next, recording who
 * did it in the same transaction. Only a row still in `from` moves, so an
 * email the dispatcher took meanwhile is refused rather than changed.
 */
function emailMove(
  from: "failed" | "pending",
  to: () => Partial<typeof outboxEmails.$inferInsert>,
  action: "retry-email" | "cancel-email",
  { done, refused }: { done: string; refused: string },
) {
  return guardedOperation(outboxEmailIdSchema, async ({ id }, { audit }) => {
    const db = await getDb();
    return db.transaction(async (tx) => {
      const [moved] = await tx
        .update(outboxEmails)
        .set({ ...to(), lockedUntil: null })
        .where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, from)))
        .returning({ id: outboxEmails.id });
      if (!moved) return refusal({ formError: refused });
      await audit({ action, subjectType: "outbox-email", subjectId: id }, tx);
      if (from === "failed") deliverAfterResponse();
      return saved(done, { id });
    });
  });
}

/** Sends a failed email again: back to pending, due now, and delivered once the response has gone. */
export const retryEmail = emailMove("failed", () => ({ status: "pending", nextAttemptAt: new Date() }), "retry-email", {
  done: "The email will be sent again.",
  refused: "Only an email that failed can be sent again.",
});

/**
 * Cancels an email still waiting to be sent. One being sent right now cannot
 * be called back, so only "pending" rows qualify.
 */
export const cancelEmail = emailMove("pending", () => ({ status: "cancelled" }), "cancel-email", {
  done: "The email is cancelled.",
  refused: "Only an email still waiting to be sent can be cancelled.",
});

/** What needs attention, for the overview: emails that gave up. */
export const outboxNeedingAttention = guardedRead(async (_context, now: Date = new Date()) => {
  const db = await getDb();
  const [failed] = await db.select({ n: count() }).from(outboxEmails).where(eq(outboxEmails.status, "failed"));
  // Emails the practice-wide ceiling kept from unconfirmed addresses (unverified.ts), over the last day.
  const heldBack = await heldBackEmails(new Date(now.getTime() - DAY), db);
  return { failed: failed!.n, heldBack, ceilingPerHour: env().UNVERIFIED_EMAILS_PER_HOUR };
});
