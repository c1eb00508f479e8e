import "server-only";
import { and, count, eq, gte, max } from "drizzle-orm";
import { type Database, type Transaction, getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { hitClientRateLimit, hitRateLimit, type RateLimitRule } from "@/lib/security/rate-limit";
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
 * UNVERIFIED_EMAILS_PER_HOUR in any hour, the form still stores what was sent
 * but the email is held back (not queued), and the private area's overview
 * tells the therapist how many and when.
 *
 * So that one script cannot spend the whole hour's ceiling and silence the
 * practice for everyone else, each client network may spend only a tenth of
 * it and each group (client-network.ts) a fifth; a real visitor's email still
 * goes out while a script is at the door.
 */
const HOUR = 60 * 60;

const ceiling = (): RateLimitRule => ({ name: "unverified-emails", max: env().UNVERIFIED_EMAILS_PER_HOUR, windowSeconds: HOUR });

const networkShare = (): RateLimitRule => {
  const max = env().UNVERIFIED_EMAILS_PER_HOUR;
  return { name: "unverified-emails:network", max: Math.ceil(max / 10), groupMax: Math.ceil(max / 5), windowSeconds: HOUR };
};

/**
 * Queues the email in the caller's transaction unless the hour's ceiling, or
 * the share of it for the network at `ip`, is reached; says whether it was
 * queued.
 */
export async function enqueueToUnverified<T extends EmailTemplateName>(tx: Transaction, email: QueuedEmail<T>, now: Date, ip: string): Promise<boolean> {
  if ((await hitClientRateLimit(networkShare(), ip, now, tx)) && (await hitRateLimit(ceiling(), "practice", now, tx))) {
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
