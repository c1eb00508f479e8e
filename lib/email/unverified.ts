import "server-only";
import { and, count, eq, gte, max } from "drizzle-orm";
import { type Database, type Transaction, getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { enqueueEmail, type QueuedEmail } from "./outbox";
import type { EmailTemplateName } from "./templates";

/**
 * Emails to an UNVERIFIED address: one typed into a public form that has not
 * yet proven it reaches the person who typed it. That is every contact
 * acknowledgement, every newsletter confirmation, and the one email that
 * asks a visitor to confirm a held booking time. Later booking emails
 * (requested, confirmed, reminders) go only to an address whose owner pressed
 * the button in that email, and library links only to confirmed subscribers,
 * so they are not counted.
 *
 * Per-address limits stop one inbox being flooded; this ceiling stops the
 * practice's sender being used against many inboxes at once. Past
 * UNVERIFIED_EMAILS_PER_HOUR in the practice's current hour, the form still
 * stores what was sent but the email is held back (not queued), and the
 * private area's overview tells the therapist how many and when.
 */
const ceiling = () => ({ name: "unverified-emails", max: env().UNVERIFIED_EMAILS_PER_HOUR, windowSeconds: 60 * 60 });

/** Queues the email in the caller's transaction unless the hour's ceiling is reached; says whether it was queued. */
export async function enqueueToUnverified<T extends EmailTemplateName>(tx: Transaction, email: QueuedEmail<T>, now = new Date()): Promise<boolean> {
  if (await hitRateLimit(ceiling(), "practice", now, tx)) {
    await enqueueEmail(tx, email);
    return true;
  }
  // Which kind of email, never to whom.
  await recordAuditEvent(tx, { actor: null, action: "hold-back-email", detail: { template: email.template }, at: now });
  return false;
}

export type HeldBackEmails = { count: number; latest: Date | null };

/** How many emails to unverified addresses were held back since `since`, and the latest. */
export async function heldBackEmails(since: Date, executor?: Database): Promise<HeldBackEmails> {
  const db = executor ?? (await getDb());
  const [row] = await db
    .select({ count: count(), latest: max(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "hold-back-email"), gte(auditEvents.occurredAt, since)));
  return { count: row?.count ?? 0, latest: row?.latest ?? null };
}
