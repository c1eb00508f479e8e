import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { libraryAccess, newsletterSends, outboxEmails, subscribers } from "@/db/schema";
import { newsletterTemplates } from "@/lib/email/templates";
import { tokenHash } from "./links";
import { isIssuedToken } from "@/lib/security/issued-token";

export type UnsubscribeLinkState = "subscribed" | "unsubscribed" | "invalid";

/** What the unsubscribe page should offer for this link. */
export async function unsubscribeLinkState(token: string): Promise<UnsubscribeLinkState> {
  if (!isIssuedToken(token)) return "invalid";
  const db = await getDb();
  const [subscriber] = await db.select({ status: subscribers.status }).from(subscribers).where(eq(subscribers.unsubscribeTokenHash, tokenHash(token)));
  if (!subscriber) return "invalid";
  return subscriber.status === "unsubscribed" ? "unsubscribed" : "subscribed";
}

/**
 * Unsubscribes the owner of the link, effective at once: no further
 * newsletter mail (queued emails are cancelled, an issue being sent skips
 * them) and the library closes. True when the link belonged to someone.
 */
export async function unsubscribe(token: string, now = new Date()): Promise<boolean> {
  if (!isIssuedToken(token)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [subscriber] = await tx
      .select({ id: subscribers.id, email: subscribers.email, status: subscribers.status })
      .from(subscribers)
      .where(eq(subscribers.unsubscribeTokenHash, tokenHash(token)))
      .for("update");
    if (!subscriber) return false;
    if (subscriber.status !== "unsubscribed") {
      await tx
        .update(subscribers)
        .set({ status: "unsubscribed", unsubscribedAt: now, confirmTokenHash: null, confirmTokenExpiresAt: null })
        .where(eq(subscribers.id, subscriber.id));
    }
    await tx.delete(libraryAccess).where(eq(libraryAccess.subscriberId, subscriber.id));
    await stopNewsletterMail(tx, subscriber);
    return true;
  });
}

/**
 * Cancels newsletter mail not yet sent to this subscriber. Sends already
 * given a batch key stay: that batch may have reached Resend before a crash,
 * and resending it unchanged is what keeps everyone else from a duplicate.
 */
export async function stopNewsletterMail(tx: Transaction, subscriber: { id: string; email: string }) {
  await tx
    .update(outboxEmails)
    .set({ status: "cancelled", lockedUntil: null })
    .where(and(eq(outboxEmails.recipient, subscriber.email), eq(outboxEmails.status, "pending"), inArray(outboxEmails.template, [...newsletterTemplates])));
  await tx
    .update(newsletterSends)
    .set({ status: "skipped" })
    .where(and(eq(newsletterSends.subscriberId, subscriber.id), eq(newsletterSends.status, "pending"), isNull(newsletterSends.batchKey)));
}
