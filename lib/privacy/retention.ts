import "server-only";
import { and, inArray, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contactMessages, outboxEmails, sessions, verificationTokens } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { practice } from "@/lib/practice/practice";
import { DAY } from "@/lib/time";

/**
 * The retention rule: contact messages older than
 * practice.privacy.contactMessageRetentionDays are deleted, and so are
 * finished outbox rows of the same age (they hold the same addresses). Run by
 * the periodic sweep; each purge that removed anything is audited as the
 * system's doing. Spent-by-time sign-in links and sessions go too: Auth.js
 * deletes them only when someone presents them again.
 */
export async function purgeExpiredRecords(now = new Date()) {
  const cutoff = new Date(now.getTime() - practice.privacy.contactMessageRetentionDays * DAY);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const messages = await tx.delete(contactMessages).where(lt(contactMessages.createdAt, cutoff)).returning({ id: contactMessages.id });
    const emails = await tx
      .delete(outboxEmails)
      .where(and(lt(outboxEmails.createdAt, cutoff), inArray(outboxEmails.status, ["sent", "failed", "cancelled"])))
      .returning({ id: outboxEmails.id });
    await tx.delete(verificationTokens).where(lt(verificationTokens.expires, now));
    await tx.delete(sessions).where(lt(sessions.expires, now));
    const purged = { contactMessages: messages.length, outboxEmails: emails.length };
    if (purged.contactMessages + purged.outboxEmails > 0) {
      await recordAuditEvent(tx, { actor: null, action: "retention-purge", detail: { ...purged, retentionDays: practice.privacy.contactMessageRetentionDays }, at: now });
    }
    return purged;
  });
}
