import "server-only";
import { desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { guardedRead } from "@/lib/auth/guarded-operation";

/** The audit log for the private area, newest first. */
export const listAuditEvents = guardedRead(async (_context, { limit = 200 }: { limit?: number } = {}) => {
  const db = await getDb();
  return db
    .select({
      id: auditEvents.id,
      actor: auditEvents.actor,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      detail: auditEvents.detail,
      occurredAt: auditEvents.occurredAt,
    })
    .from(auditEvents)
    .orderBy(desc(auditEvents.occurredAt))
    .limit(Math.min(Math.max(1, limit), 500));
});
