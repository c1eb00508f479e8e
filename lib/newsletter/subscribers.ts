import "server-only";
// The subscribers room. Every export but the purge is the therapist's and
// takes a Therapist first, which only the guard makes (lib/auth/guards.ts).
import { and, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { emailAttempts, outboxEmails, subscribers } from "@/db/schema";
import { csvRow } from "./csv";
import type { Therapist } from "@/lib/auth/guards";
import { done, refused, type Outcome } from "@/lib/forms/outcome";
import { isUuid } from "./issues";
import { DAY } from "@/lib/time";

/** Signups never confirmed are deleted after this many days. */
export const PENDING_RETENTION_DAYS = 30;

export type SubscriberStatusFilter = "pending" | "confirmed" | "unsubscribed" | "suppressed";

/** A subscriber as the subscribers room shows them: no tokens, nothing more. */
const listed = {
  id: subscribers.id,
  email: subscribers.email,
  firstName: subscribers.firstName,
  status: subscribers.status,
  source: subscribers.source,
  consentNoticeVersion: subscribers.consentNoticeVersion,
  consentedAt: subscribers.consentedAt,
  confirmedAt: subscribers.confirmedAt,
  unsubscribedAt: subscribers.unsubscribedAt,
  suppressedAt: subscribers.suppressedAt,
  suppressionReason: subscribers.suppressionReason,
  createdAt: subscribers.createdAt,
};

function filters(query?: string, status?: SubscriberStatusFilter): SQL | undefined {
  const conditions: SQL[] = [];
  const text = query?.trim().slice(0, 200);
  if (text) {
    // The person's text is matched literally: % and _ are not wildcards here.
    const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(or(ilike(subscribers.email, pattern), ilike(subscribers.firstName, pattern))!);
  }
  if (status === "suppressed") conditions.push(isNotNull(subscribers.suppressedAt));
  else if (status) conditions.push(eq(subscribers.status, status), isNull(subscribers.suppressedAt));
  return conditions.length ? and(...conditions) : undefined;
}

/** Search by address or first name, optionally by status; newest first, a page at a time. */
export async function searchSubscribers(
  therapist: Therapist,
  { query, status, page = 1, pageSize = 50 }: { query?: string; status?: SubscriberStatusFilter; page?: number; pageSize?: number } = {},
) {
  const db = await getDb();
  const where = filters(query, status);
  const size = Math.min(Math.max(1, Math.trunc(pageSize)), 200);
  const current = Math.max(1, Math.trunc(page));
  const [rows, [total]] = await Promise.all([
    db.select(listed).from(subscribers).where(where).orderBy(desc(subscribers.createdAt), desc(subscribers.id)).limit(size).offset((current - 1) * size),
    db.select({ n: count() }).from(subscribers).where(where),
  ]);
  return { subscribers: rows, total: total!.n, page: current, pageSize: size };
}

/**
 * Totals by status, and the last 30 days: confirmations, departures and the
 * net change, with a day-by-day count of confirmations for a small chart.
 */
export async function subscriberTotals(therapist: Therapist, now = new Date()) {
  const db = await getDb();
  const since = new Date(now.getTime() - 30 * DAY);
  const byStatus = await db
    .select({ status: subscribers.status, suppressed: sql<boolean>`${subscribers.suppressedAt} is not null`, n: count() })
    .from(subscribers)
    .groupBy(subscribers.status, sql`${subscribers.suppressedAt} is not null`);
  const sum = (test: (row: (typeof byStatus)[number]) => boolean) => byStatus.filter(test).reduce((total, row) => total + row.n, 0);
  const [joined] = await db.select({ n: count() }).from(subscribers).where(gte(subscribers.confirmedAt, since));
  const [left] = await db.select({ n: count() }).from(subscribers).where(gte(subscribers.unsubscribedAt, since));
  const daily = await db
    .select({ day: sql<string>`to_char(${subscribers.confirmedAt} at time zone 'UTC', 'YYYY-MM-DD')`, n: count() })
    .from(subscribers)
    .where(gte(subscribers.confirmedAt, since))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return {
    confirmed: sum((row) => row.status === "confirmed" && !row.suppressed),
    pending: sum((row) => row.status === "pending" && !row.suppressed),
    unsubscribed: sum((row) => row.status === "unsubscribed" && !row.suppressed),
    suppressed: sum((row) => row.suppressed),
    total: sum(() => true),
    last30Days: { confirmed: joined!.n, unsubscribed: left!.n, net: joined!.n - left!.n, confirmationsByDay: daily },
  };
}

async function subscribersCsv(): Promise<string> {
  const db = await getDb();
  const rows = await db.select(listed).from(subscribers).orderBy(subscribers.createdAt, subscribers.id);
  const header = ["email", "first_name", "status", "suppressed", "source", "signed_up_at", "confirmed_at", "unsubscribed_at", "consent_notice_version", "consented_at"];
  const lines = rows.map((row) =>
    csvRow([
      row.email,
      row.firstName,
      row.status,
      row.suppressionReason ?? "",
      row.source,
      row.createdAt,
      row.confirmedAt,
      row.unsubscribedAt,
      row.consentNoticeVersion,
      row.consentedAt,
    ]),
  );
  return [csvRow(header), ...lines].join("\r\n") + "\r\n";
}

/** Every subscriber as CSV, safe to open in a spreadsheet. */
// The type asks for the guard's proof; nothing of her is read.
export const exportSubscribersCsv: (therapist: Therapist) => ReturnType<typeof subscribersCsv> = subscribersCsv;

/**
 * Erases a subscriber entirely: their row, library access and send records
 * (by cascade) and every outbox email addressed to them, with its attempts.
 */
export async function eraseSubscriber(therapist: Therapist, subscriberId: string): Promise<Outcome<object, "not-found">> {
  const notFound = refused("not-found", "That subscriber could not be found; they may have been erased already.");
  if (!isUuid(subscriberId)) return notFound;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [subscriber] = await tx.delete(subscribers).where(eq(subscribers.id, subscriberId)).returning({ email: subscribers.email });
    if (!subscriber) return notFound;
    await deleteOutboxFor(tx, [subscriber.email]);
    return done();
  });
}

async function deleteOutboxFor(tx: Transaction, emails: string[]) {
  if (emails.length === 0) return;
  const lowered = emails.map((email) => email.toLowerCase());
  const ids = tx.select({ id: outboxEmails.id }).from(outboxEmails).where(inArray(sql`lower(${outboxEmails.recipient})`, lowered));
  await tx.delete(emailAttempts).where(inArray(emailAttempts.outboxEmailId, ids));
  await tx.delete(outboxEmails).where(inArray(sql`lower(${outboxEmails.recipient})`, lowered));
}

/**
 * Deletes signups never confirmed within 30 days of the request, with their
 * confirmation emails. A former subscriber who asked to come back and never
 * confirmed simply stays unsubscribed. Run by the periodic sweep.
 */
export async function purgeUnconfirmedSubscribers(now = new Date()): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - PENDING_RETENTION_DAYS * DAY);
  return db.transaction(async (tx) => {
    const purged = await tx
      .delete(subscribers)
      .where(and(eq(subscribers.status, "pending"), isNull(subscribers.confirmedAt), lt(subscribers.consentedAt, cutoff)))
      .returning({ email: subscribers.email });
    await deleteOutboxFor(
      tx,
      purged.map((row) => row.email),
    );
    await tx
      .update(subscribers)
      .set({ status: "unsubscribed", confirmTokenHash: null, confirmTokenExpiresAt: null })
      .where(and(eq(subscribers.status, "pending"), isNotNull(subscribers.confirmedAt), lt(subscribers.consentedAt, cutoff)));
    return purged.length;
  });
}
