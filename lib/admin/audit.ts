import "server-only";
import { desc, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, bookings, contactMessages, newsletterIssues, outboxEmails, subscribers } from "@/db/schema";
import { guardedRead } from "@/lib/auth/guarded-operation";
import { env } from "@/lib/env";
import { practice } from "@/lib/practice/practice";
import type { AuditEntry } from "@/lib/audit/record";

type Detail = Record<string, string | number | boolean>;
type SubjectType = NonNullable<AuditEntry["subjectType"]>;

/** An address shortened to its first part, as the log shows a subscriber: "ada@…". */
export function shortAddress(email: string): string {
  const at = email.indexOf("@");
  return at > 0 ? `${email.slice(0, at)}@…` : email;
}

/** Who did it: the therapist by name when she is the one configured address, else her address; null is the system. */
function who(actor: string | null): string {
  if (actor === null) return "The system";
  const therapists = env().THERAPIST_EMAILS;
  return therapists.length === 1 && therapists[0] === actor ? practice.therapist.name : actor;
}

const what: Record<string, string> = {
  "sign-in": "Signed in",
  "sign-out": "Signed out",
  read: "Opened",
  change: "Changed",
  delete: "Deleted",
  export: "Exported",
  erase: "Erased",
  "retention-purge": "Retention purge",
  "retry-email": "Sent an email again",
  "cancel-email": "Cancelled an email",
  "send-test-issue": "Sent a test newsletter",
  broadcast: "Sent a newsletter",
  reply: "Replied",
  "schedule-issue": "Scheduled a newsletter",
  "cancel-schedule": "Cancelled a scheduled newsletter",
  "passkey-registered": "Added a passkey",
  "passkey-removed": "Removed a passkey",
  "passkey-used": "Signed in with a passkey",
  "recovery-code-used": "Signed in with a recovery code",
  "recovery-code-refused": "A recovery code that did not match was typed",
  "recovery-codes-replaced": "Made new recovery codes",
  "passkeys-reset": "Passkeys removed by the server's script",
  "hold-back-email": "Held back an email to an unconfirmed address",
};

/** Records as she knows them, for subjects that no longer exist or have no row of their own. */
const kindOf: Record<SubjectType, string> = {
  "contact-message": "a message that was since deleted",
  booking: "a request that was since erased",
  subscriber: "a subscriber since erased",
  "newsletter-issue": "a newsletter issue since deleted",
  "outbox-email": "an email since removed",
  person: "a person",
  session: "her session",
  availability: "her hours",
  "calendar-feed": "her calendar feed",
  passkey: "a passkey",
  "waitlist-entry": "a place on the waitlist",
};

/** Detail in words: "handled", "status: confirmed, with a note", "recipients: 3". */
function describeDetail(detail: Detail | null): string {
  if (!detail) return "";
  return Object.entries(detail)
    .map(([key, value]) => {
      const words = key.replace(/([A-Z])/g, " $1").toLowerCase();
      if (value === true) return key === "withNote" ? "with a note" : words;
      if (value === false) return key === "withNote" ? "" : `not ${words}`;
      if (typeof value === "number") return `${words}: ${value}`;
      return `${words}: ${String(value).replace(/_/g, "-")}`;
    })
    .filter(Boolean)
    .join(", ");
}

/** The names behind the subject ids on one page of the log, read in one query a kind. */
async function namesOf(events: { subjectType: string | null; subjectId: string | null }[]) {
  const db = await getDb();
  const ids = (type: SubjectType) => [...new Set(events.filter((event) => event.subjectType === type && event.subjectId).map((event) => event.subjectId!))];
  const uuids = (type: SubjectType) => ids(type).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const names = new Map<string, string>();
  const messages = uuids("contact-message");
  if (messages.length) {
    for (const row of await db.select({ id: contactMessages.id, name: contactMessages.name }).from(contactMessages).where(inArray(contactMessages.id, messages))) {
      names.set(`contact-message:${row.id}`, `message from ${row.name}`);
    }
  }
  const requests = uuids("booking");
  if (requests.length) {
    for (const row of await db.select({ id: bookings.id, name: bookings.name }).from(bookings).where(inArray(bookings.id, requests))) {
      names.set(`booking:${row.id}`, `request from ${row.name}`);
    }
  }
  const people = uuids("subscriber");
  if (people.length) {
    for (const row of await db.select({ id: subscribers.id, email: subscribers.email }).from(subscribers).where(inArray(subscribers.id, people))) {
      names.set(`subscriber:${row.id}`, `subscriber ${shortAddress(row.email)}`);
    }
  }
  const issues = uuids("newsletter-issue");
  if (issues.length) {
    for (const row of await db.select({ id: newsletterIssues.id, subject: newsletterIssues.subject }).from(newsletterIssues).where(inArray(newsletterIssues.id, issues))) {
      names.set(`newsletter-issue:${row.id}`, `newsletter “${row.subject}”`);
    }
  }
  const emails = uuids("outbox-email");
  if (emails.length) {
    for (const row of await db.select({ id: outboxEmails.id, recipient: outboxEmails.recipient, subject: outboxEmails.subject }).from(outboxEmails).where(inArray(outboxEmails.id, emails))) {
      names.set(`outbox-email:${row.id}`, `email “${row.subject}” to ${shortAddress(row.recipient)}`);
    }
  }
  return names;
}

/**
 * The audit log for the private area, newest first, in words: who (her name,
 * or the system), what, and the record by the name she knows it by (the
 * person who wrote, a subscriber's shortened address, an issue's subject),
 * never a record id.
 */
export const listAuditEvents = guardedRead(async (_context, { limit = 200 }: { limit?: number } = {}) => {
  const db = await getDb();
  const events = await db
    .select()
    .from(auditEvents)
    .orderBy(desc(auditEvents.occurredAt))
    .limit(Math.min(Math.max(1, limit), 500));
  const names = await namesOf(events);
  return events.map((event) => {
    const type = event.subjectType as SubjectType | null;
    const record = type ? (names.get(`${type}:${event.subjectId}`) ?? kindOf[type] ?? type) : "";
    return { ...event, who: who(event.actor), what: what[event.action] ?? event.action, record, detailInWords: describeDetail(event.detail) };
  });
});
