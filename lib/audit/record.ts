import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditAction =
  | "sign-in"
  | "sign-out"
  | "read"
  | "change"
  | "delete"
  | "export"
  | "erase"
  | "retention-purge"
  | "retry-email"
  | "cancel-email"
  | "send-test-issue"
  | "broadcast"
  | "passkey-registered"
  | "passkey-removed"
  | "passkey-used"
  | "recovery-code-used"
  | "recovery-code-refused"
  | "recovery-codes-replaced"
  | "passkeys-reset"
  | "reply"
  | "schedule-issue"
  | "cancel-schedule"
  | "hold-back-email";

export type AuditEntry = {
  /** The therapist's address; null for the system itself (the retention sweep). */
  actor: string | null;
  action: AuditAction;
  subjectType?: "contact-message" | "outbox-email" | "person" | "session" | "booking" | "availability" | "calendar-feed" | "newsletter-issue" | "subscriber" | "passkey" | "waitlist-entry";
  subjectId?: string;
  /** Counts and states only: never what anyone typed, never an erased person's address. */
  detail?: Record<string, string | number | boolean>;
  at?: Date;
};

/** How long staying with one record counts as one visit to it. */
const VISIT_MINUTES = 30;

/**
 * Whether this "opened" continues the visit the actor is already on: her
 * last entry is about the same record, recently. Opening a message and then
 * marking it handled and archiving it renders the page three times (each
 * action redirects back to it), but she opened it once; going elsewhere and
 * coming back is a new visit and is recorded again.
 */
async function continuesVisit(executor: Database | Transaction, entry: AuditEntry & { actor: string }) {
  const [last] = await executor
    .select({ subjectType: auditEvents.subjectType, subjectId: auditEvents.subjectId, occurredAt: auditEvents.occurredAt })
    .from(auditEvents)
    .where(eq(auditEvents.actor, entry.actor))
    .orderBy(desc(auditEvents.occurredAt))
    .limit(1);
  const at = entry.at ?? new Date();
  return Boolean(last && last.subjectType === entry.subjectType && last.subjectId === entry.subjectId && at.getTime() - last.occurredAt.getTime() < VISIT_MINUTES * 60_000);
}

/** Writes one audit entry, in the caller's transaction when it has one, so the entry and the change commit together. */
export async function recordAuditEvent(executor: Database | Transaction, entry: AuditEntry) {
  if (entry.action === "read" && entry.actor !== null && entry.subjectId && (await continuesVisit(executor, { ...entry, actor: entry.actor }))) return;
  await executor.insert(auditEvents).values({
    actor: entry.actor,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    detail: entry.detail ?? null,
    occurredAt: entry.at ?? new Date(),
  });
}
