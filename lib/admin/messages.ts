import "server-only";
import { and, count, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { contactMessages } from "@/db/schema";
import { guardedOperation, guardedRead, refusal, saved } from "@/lib/auth/guarded-operation";
import { messageArchivedSchema, messageHandledSchema, messageIdSchema } from "./message-schemas";
import { threadOf } from "./replies";

/*
 * The contact inbox of the private area. Each function comes through the
 * door in lib/auth/guarded-operation.ts; every read of a message and every
 * change is recorded in the audit log in the same transaction as the change.
 */

const gone = () => refusal({ formError: "That message no longer exists. It may have been deleted or erased." });

/** Columns named one by one, so one added later is not shown until someone decides it should be. */
function columns<Name extends keyof typeof contactMessages.$inferSelect>(...names: Name[]) {
  return Object.fromEntries(names.map((name) => [name, contactMessages[name]])) as { [Column in Name]: (typeof contactMessages)[Column] };
}
const listed = columns("id", "name", "email", "createdAt", "readAt", "handledAt", "emailHeldBackAt");
const shownWhenOpened = { ...listed, ...columns("phone", "preferredContact", "message", "consentNoticeVersion", "consentedAt", "archivedAt") };

const FIRST_LINE_CHARACTERS = 80;

/** The message's first line, shortened, so the list tells one message from another without opening it. */
export function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0]!.trim();
  return line.length > FIRST_LINE_CHARACTERS ? `${line.slice(0, FIRST_LINE_CHARACTERS - 1).trimEnd()}…` : line;
}

export type MessageFolder = "inbox" | "archived";

/** The contact inbox, newest first: who, when and a first line; the whole text is shown (and the read recorded) when a message is opened. */
export const listMessages = guardedRead(async (_context, folder: MessageFolder = "inbox") => {
  const db = await getDb();
  const rows = await db
    // Only the start of each message leaves the database: a list of 500 need not carry 500 whole letters.
    .select({ ...listed, opening: sql<string>`left(${contactMessages.message}, 400)` })
    .from(contactMessages)
    .where(folder === "archived" ? isNotNull(contactMessages.archivedAt) : isNull(contactMessages.archivedAt))
    .orderBy(desc(contactMessages.createdAt), desc(contactMessages.id))
    .limit(500);
  return rows.map(({ opening, ...row }) => ({ ...row, firstLine: firstLine(opening) }));
});

/**
 * What needs attention now, for the overview, as two counts that never
 * overlap: new (unread) messages, and those read but not yet handled. Each
 * message is counted once, so the overview never says one number twice.
 */
export const messagesNeedingAttention = guardedRead(async () => {
  const db = await getDb();
  const inbox = isNull(contactMessages.archivedAt);
  const [unread] = await db.select({ n: count() }).from(contactMessages).where(and(inbox, isNull(contactMessages.readAt)));
  const [waiting] = await db
    .select({ n: count() })
    .from(contactMessages)
    .where(and(inbox, isNotNull(contactMessages.readAt), isNull(contactMessages.handledAt)));
  return { unread: unread!.n, readNotHandled: waiting!.n };
});

/** Opens one message: marks it read and records the read in the audit log. A bad or unknown id is a 404. */
export const openMessage = guardedRead(async ({ audit }, id: string) => {
  const parsed = messageIdSchema.safeParse({ id });
  if (!parsed.success) notFound();
  const db = await getDb();
  const message = await db.transaction(async (tx) => {
    const [found] = await tx.select(shownWhenOpened).from(contactMessages).where(eq(contactMessages.id, parsed.data.id));
    if (!found) return undefined;
    if (!found.readAt) {
      const readAt = new Date();
      await tx.update(contactMessages).set({ readAt }).where(eq(contactMessages.id, found.id));
      found.readAt = readAt;
    }
    await audit({ action: "read", subjectType: "contact-message", subjectId: found.id }, tx);
    return { ...found, replies: await threadOf("contact-message", found.id, tx) };
  });
  if (!message) notFound();
  return message;
});

/** Marks a message handled, or moves it to the archive, or undoes either: one timestamp set or cleared. */
function messageMark(schema: typeof messageHandledSchema | typeof messageArchivedSchema, column: "handledAt" | "archivedAt", recorded: "handled" | "archived", message: string) {
  return guardedOperation(schema, async (input, { audit }) => {
    const on = (input as Record<string, string>)[recorded] === "yes";
    const db = await getDb();
    return db.transaction(async (tx) => {
      const [changed] = await tx
        .update(contactMessages)
        .set({ [column]: on ? new Date() : null })
        .where(eq(contactMessages.id, input.id))
        .returning({ id: contactMessages.id });
      if (!changed) return gone();
      await audit({ action: "change", subjectType: "contact-message", subjectId: input.id, detail: { [recorded]: on } }, tx);
      return saved(message, { id: input.id });
    });
  });
}

export const setMessageHandled = messageMark(messageHandledSchema, "handledAt", "handled", "Saved.");
export const setMessageArchived = messageMark(messageArchivedSchema, "archivedAt", "archived", "Saved.");

export const deleteMessage = guardedOperation(messageIdSchema, async ({ id }, { audit }) => {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [deleted] = await tx.delete(contactMessages).where(eq(contactMessages.id, id)).returning({ id: contactMessages.id });
    if (!deleted) return gone();
    await audit({ action: "delete", subjectType: "contact-message", subjectId: id }, tx);
    return saved("The message is deleted.", { id });
  });
});
