import "server-only";
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
  | "hold-back-email";

export type AuditEntry = {
  /** The therapist's address; null for the system itself (the retention sweep). */
  actor: string | null;
  action: AuditAction;
  subjectType?: "contact-message" | "outbox-email" | "person" | "session" | "booking" | "availability" | "calendar-feed" | "newsletter-issue" | "subscriber";
  subjectId?: string;
  /** Counts and states only: never what anyone typed, never an erased person's address. */
  detail?: Record<string, string | number | boolean>;
  at?: Date;
};

/** Writes one audit entry, in the caller's transaction when it has one, so the entry and the change commit together. */
export async function recordAuditEvent(executor: Database | Transaction, entry: AuditEntry) {
  await executor.insert(auditEvents).values({
    actor: entry.actor,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    detail: entry.detail ?? null,
    occurredAt: entry.at ?? new Date(),
  });
}
