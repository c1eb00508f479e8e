import "server-only";
import { and, count, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { contactMessages } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { requireTherapist } from "@/lib/auth/guards";
import { messageArchivedSchema, messageHandledSchema, messageIdSchema } from "./message-schemas";
import { OperationRefusal, therapistOperation } from "./therapist-operation";

const GONE = new OperationRefusal("That message no longer exists. It may have been deleted or erased.");

export type MessageFolder = "inbox" | "archived";

/** The contact inbox, newest first. Lists who and when, not what: the text is shown (and the read recorded) when a message is opened. */
export async function listMessages(folder: MessageFolder = "inbox") {
  await requireTherapist();
  const db = await getDb();
  return db
    .select({
      id: contactMessages.id,
      name: contactMessages.name,
      email: contactMessages.email,
      createdAt: contactMessages.createdAt,
      readAt: contactMessages.readAt,
      handledAt: contactMessages.handledAt,
    })
    .from(contactMessages)
    .where(folder === "archived" ? isNotNull(contactMessages.archivedAt) : isNull(contactMessages.archivedAt))
    .orderBy(desc(contactMessages.createdAt), desc(contactMessages.id))
    .limit(500);
}

/** What needs attention now, for the overview. */
export async function messagesNeedingAttention() {
  await requireTherapist();
  const db = await getDb();
  const inbox = isNull(contactMessages.archivedAt);
  const [unread] = await db.select({ n: count() }).from(contactMessages).where(and(inbox, isNull(contactMessages.readAt)));
  const [unhandled] = await db.select({ n: count() }).from(contactMessages).where(and(inbox, isNull(contactMessages.handledAt)));
  return { unread: unread!.n, unhandled: unhandled!.n };
}

/** Opens one message: marks it read and records the read in the audit log. A bad or unknown id is a 404. */
export async function openMessage(id: string) {
  const therapist = await requireTherapist();
  const parsed = messageIdSchema.safeParse({ id });
  if (!parsed.success) notFound();
  const db = await getDb();
  const message = await db.transaction(async (tx) => {
    const [found] = await tx.select().from(contactMessages).where(eq(contactMessages.id, parsed.data.id));
    if (!found) return undefined;
    if (!found.readAt) {
      const readAt = new Date();
      await tx.update(contactMessages).set({ readAt }).where(eq(contactMessages.id, found.id));
      found.readAt = readAt;
    }
    await recordAuditEvent(tx, { actor: therapist.email, action: "read", subjectType: "contact-message", subjectId: found.id });
    return found;
  });
  if (!message) notFound();
  return {
    id: message.id,
    name: message.name,
    email: message.email,
    phone: message.phone,
    preferredContact: message.preferredContact,
    message: message.message,
    consentNoticeVersion: message.consentNoticeVersion,
    consentedAt: message.consentedAt,
    createdAt: message.createdAt,
    readAt: message.readAt,
    handledAt: message.handledAt,
    archivedAt: message.archivedAt,
  };
}

export const setMessageHandled = therapistOperation(messageHandledSchema, async ({ id, handled }, therapist) => {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(contactMessages)
      .set({ handledAt: handled === "yes" ? new Date() : null })
      .where(eq(contactMessages.id, id))
      .returning({ id: contactMessages.id });
    if (!changed) return GONE;
    await recordAuditEvent(tx, { actor: therapist.email, action: "change", subjectType: "contact-message", subjectId: id, detail: { handled: handled === "yes" } });
    return { id };
  });
});

export const setMessageArchived = therapistOperation(messageArchivedSchema, async ({ id, archived }, therapist) => {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(contactMessages)
      .set({ archivedAt: archived === "yes" ? new Date() : null })
      .where(eq(contactMessages.id, id))
      .returning({ id: contactMessages.id });
    if (!changed) return GONE;
    await recordAuditEvent(tx, { actor: therapist.email, action: "change", subjectType: "contact-message", subjectId: id, detail: { archived: archived === "yes" } });
    return { id };
  });
});

export const deleteMessage = therapistOperation(messageIdSchema, async ({ id }, therapist) => {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [deleted] = await tx.delete(contactMessages).where(eq(contactMessages.id, id)).returning({ id: contactMessages.id });
    if (!deleted) return GONE;
    await recordAuditEvent(tx, { actor: therapist.email, action: "delete", subjectType: "contact-message", subjectId: id });
    return { id };
  });
});
