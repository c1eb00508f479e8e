import "server-only";
import { desc, eq, like } from "drizzle-orm";
import { getDb } from "@/db/client";
import { newsletterIssues, newsletterSends, subscribers } from "@/db/schema";
import { devMailboxEnabled } from "@/lib/email/transport";
import { issueCopies } from "./broadcast-delivery";

/*
 * An issue goes to subscribers through Resend's batch endpoint, not the
 * outbox, so the development mailbox (which lists outbox rows) never saw a
 * copy: the dev transport marked each one sent and nothing showed it. These
 * are the copies the dev transport "sent", made again exactly as the
 * broadcast makes them, for /dev/mailbox. Nothing here exists with a Resend
 * key or in production.
 */

const sentByDevMailbox = like(newsletterSends.providerId, "dev-mailbox:%");

export async function listNewsletterCopies(limit = 100) {
  if (!devMailboxEnabled()) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: newsletterSends.id, recipient: subscribers.email, subject: newsletterIssues.subject, sentAt: newsletterSends.sentAt, createdAt: newsletterSends.createdAt })
    .from(newsletterSends)
    .innerJoin(subscribers, eq(subscribers.id, newsletterSends.subscriberId))
    .innerJoin(newsletterIssues, eq(newsletterIssues.id, newsletterSends.issueId))
    .where(sentByDevMailbox)
    .orderBy(desc(newsletterSends.sentAt))
    .limit(limit);
  return rows.map((row) => ({ id: row.id, recipient: row.recipient, subject: row.subject, template: "newsletter-issue", status: "sent" as const, createdAt: row.sentAt ?? row.createdAt }));
}

/** One subscriber's copy of an issue, or null when `id` is no such copy. */
export async function readNewsletterCopy(id: string) {
  if (!devMailboxEnabled() || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: newsletterSends.id, subscriberId: subscribers.id, recipient: subscribers.email, issue: newsletterIssues, sentAt: newsletterSends.sentAt, createdAt: newsletterSends.createdAt, providerId: newsletterSends.providerId })
    .from(newsletterSends)
    .innerJoin(subscribers, eq(subscribers.id, newsletterSends.subscriberId))
    .innerJoin(newsletterIssues, eq(newsletterIssues.id, newsletterSends.issueId))
    .where(eq(newsletterSends.id, id));
  if (!row?.providerId?.startsWith("dev-mailbox:")) return null;
  const copy = (await issueCopies(row.issue))({ subscriberId: row.subscriberId, email: row.recipient });
  return { id: row.id, recipient: row.recipient, subject: copy.subject, status: "sent" as const, createdAt: row.sentAt ?? row.createdAt, html: copy.html, text: copy.text };
}
