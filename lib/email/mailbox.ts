import "server-only";
import { desc, eq, getTableColumns } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { renderEmail } from "./render";
import { devMailboxEnabled } from "./transport";

/**
 * The development mailbox: every queued email, newest first, rendered as the
 * recipient would see it. It exists only when there is no Resend key and the
 * app is not running in production; otherwise every read is a 404.
 */
function requireDevMailbox() {
  if (!devMailboxEnabled()) notFound();
}

export async function listMailbox(limit = 100) {
  requireDevMailbox();
  const db = await getDb();
  const { id, recipient, subject, template, status, createdAt } = getTableColumns(outboxEmails);
  return db.select({ id, recipient, subject, template, status, createdAt }).from(outboxEmails).orderBy(desc(createdAt)).limit(limit);
}

export async function readMailboxEmail(id: string) {
  requireDevMailbox();
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = await getDb();
  const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  if (!email) notFound();
  const rendered = await renderEmail(email.template, email.props);
  return {
    id: email.id,
    recipient: email.recipient,
    subject: email.subject,
    status: email.status,
    createdAt: email.createdAt,
    ...rendered,
  };
}
