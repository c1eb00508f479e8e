import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/db/client";
import { bookings, contactMessages, outboxEmails, replies } from "@/db/schema";
import { guardedOperation, refusal, saved } from "@/lib/auth/guarded-operation";
import { enqueueEmail } from "@/lib/email/outbox";
import { replySchema } from "./reply-schema";

/*
 * The therapist answers a contact message or a booking request from its page.
 * Her words go through the outbox from the practice's address (the
 * "practice-reply" email, which quotes nothing the visitor typed), and each
 * reply is kept with what it answers, so the page shows the thread.
 */

type Thread = "contact-message" | "booking";

/** Where a reply stands, in her words: from the outbox row it queued and what Resend's webhooks said since. */
export type ReplyDelivery = "waiting" | "sent" | "delivered" | "delayed" | "bounced" | "complained" | "failed" | "cancelled";

export const replyDeliveryLabels: Record<ReplyDelivery, string> = {
  waiting: "Waiting to be sent",
  sent: "Sent",
  delivered: "Delivered",
  delayed: "Delayed by the receiving server",
  bounced: "Bounced: the address refused it",
  complained: "Marked as spam by the recipient",
  failed: "Could not be sent (see the outbox)",
  cancelled: "Cancelled in the outbox",
};

/** The replies to one message or request, oldest first, with each one's delivery. */
export async function threadOf(thread: Thread, id: string, executor?: Database | Transaction) {
  const db = executor ?? (await getDb());
  const rows = await db
    .select({ id: replies.id, body: replies.body, sentBy: replies.sentBy, createdAt: replies.createdAt, status: outboxEmails.status, delivery: outboxEmails.deliveryStatus, sentAt: outboxEmails.sentAt })
    .from(replies)
    .leftJoin(outboxEmails, eq(outboxEmails.id, replies.outboxEmailId))
    .where(thread === "contact-message" ? eq(replies.contactMessageId, id) : eq(replies.bookingId, id))
    .orderBy(asc(replies.createdAt), asc(replies.id));
  return rows.map(({ status, delivery, ...reply }) => {
    const state: ReplyDelivery = delivery ?? (status === "sent" ? "sent" : status === "failed" ? "failed" : status === "cancelled" ? "cancelled" : "waiting");
    return { ...reply, delivery: state };
  });
}

/** Her reply's answer, the same whether it was just sent or the page was posted again. */
const ON_ITS_WAY = "Your reply is on its way.";

function replyTo(thread: Thread) {
  const table = thread === "contact-message" ? contactMessages : bookings;
  return guardedOperation(replySchema, async ({ id, body }, { therapist, audit, formKeyHash }) => {
    // The answer stays on the page, so without JavaScript a reload posts the form again: its one-use key sends nothing twice.
    if (!formKeyHash) return refusal({ formError: "This page is out of date: your reply was not sent. Please reload the page and send it again." });
    const db = await getDb();
    return db.transaction(async (tx) => {
      const [found] = await tx.select({ email: table.email }).from(table).where(eq(table.id, id));
      if (!found) return refusal({ formError: "That no longer exists. It may have been deleted or erased, so nothing was sent." });
      // The key first: a second post of the same page waits here for the first to commit, then finds its reply and sends nothing.
      const [reply] = await tx
        .insert(replies)
        .values({ body, sentBy: therapist.email, formKeyHash, ...(thread === "contact-message" ? { contactMessageId: id } : { bookingId: id }) })
        .onConflictDoNothing({ target: replies.formKeyHash })
        .returning({ id: replies.id });
      if (!reply) {
        const [first] = await tx.select({ id: replies.id }).from(replies).where(eq(replies.formKeyHash, formKeyHash));
        return saved(ON_ITS_WAY, { id, replyId: first!.id });
      }
      const outboxEmailId = await enqueueEmail(tx, { to: found.email, template: "practice-reply", props: { body } });
      await tx.update(replies).set({ outboxEmailId }).where(eq(replies.id, reply.id));
      await audit({ action: "reply", subjectType: thread, subjectId: id }, tx);
      return saved(ON_ITS_WAY, { id, replyId: reply.id });
    });
  });
}

/** Replies to a contact message. */
export const replyToMessage = replyTo("contact-message");
/** Replies to a booking request. */
export const replyToRequest = replyTo("booking");
