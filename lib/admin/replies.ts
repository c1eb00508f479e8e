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

function replyTo(thread: Thread) {
  const table = thread === "contact-message" ? contactMessages : bookings;
  return guardedOperation(replySchema, async ({ id, body }, { therapist, audit }) => {
    const db = await getDb();
    return db.transaction(async (tx) => {
      const [found] = await tx.select({ email: table.email }).from(table).where(eq(table.id, id));
      if (!found) return refusal({ formError: "That no longer exists. It may have been deleted or erased, so nothing was sent." });
      const outboxEmailId = await enqueueEmail(tx, { to: found.email, template: "practice-reply", props: { body } });
      const [reply] = await tx
        .insert(replies)
        .values({ body, sentBy: therapist.email, outboxEmailId, ...(thread === "contact-message" ? { contactMessageId: id } : { bookingId: id }) })
        .returning({ id: replies.id });
      await audit({ action: "reply", subjectType: thread, subjectId: id }, tx);
      return saved("Your reply is on its way.", { id, replyId: reply!.id });
    });
  });
}

/** Replies to a contact message. The caller dispatches the outbox after the response. */
export const replyToMessage = replyTo("contact-message");
/** Replies to a booking request. The caller dispatches the outbox after the response. */
export const replyToRequest = replyTo("booking");
