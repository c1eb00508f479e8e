import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { outboxEmails, therapistNotices } from "@/db/schema";
import { env, siteUrl } from "@/lib/env";
import { enqueueEmail, type QueuedEmail } from "./outbox";
import type { EmailTemplateName } from "./templates";

/**
 * The therapist hears of each new message and each change to her appointments,
 * but her inbox is not a channel a stranger may fill: at most one email of a
 * kind in any ten minutes (THERAPIST_NOTICE_MINUTES). The first event after a
 * quiet spell is told at once (she should not wait ten minutes to hear of a
 * single message); what follows inside the window is gathered into one
 * summary, "3 new messages", sent when the window closes. What arrived is
 * stored at once either way; only the telling waits.
 *
 * The window lives in the database, a row per kind locked while an event is
 * counted, and the summary is an outbox row due when the window closes, so it
 * survives a restart and two servers count into the same one; the outbox's
 * dispatcher (or the sweep) sends it when due.
 */

/** THERAPIST_NOTICE_MINUTES unless set: tests that space events a window apart read it. */
export const NOTICE_WINDOW_MINUTES = 10;

export type TherapistEvent = "message" | "requested" | "booked" | "cancelled" | "rescheduled";
type NoticeKind = "messages" | "appointments";

const kindOf = (event: TherapistEvent): NoticeKind => (event === "message" ? "messages" : "appointments");

const rooms: Record<NoticeKind, string> = { messages: "/admin/messages", appointments: "/admin/requests" };

// In the order a summary reads, with the singular and plural of each.
const wording: [TherapistEvent, string, string][] = [
  ["message", "new message", "new messages"],
  ["requested", "new appointment request", "new appointment requests"],
  ["booked", "new booking", "new bookings"],
  ["rescheduled", "appointment moved", "appointments moved"],
  ["cancelled", "appointment cancelled", "appointments cancelled"],
];

/** "3 new messages" or "2 new appointment requests and 1 appointment cancelled": counts only, nothing anyone wrote. */
export function summaryNews(counts: Partial<Record<TherapistEvent, number>>): string {
  const parts = wording.flatMap(([event, one, many]) => {
    const n = counts[event] ?? 0;
    return n > 0 ? [`${n} ${n === 1 ? one : many}`] : [];
  });
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function summaryProps(kind: NoticeKind, counts: Record<string, number>) {
  return { kind, news: summaryNews(counts), roomUrl: siteUrl(rooms[kind]) };
}

/**
 * Tells the therapist of `event` in the caller's transaction: `single`, the
 * event's own notice, if her last email of this kind is ten minutes old;
 * otherwise the event is counted into the summary waiting for the window to
 * close.
 */
export async function noticeToTherapist<T extends EmailTemplateName>(tx: Transaction, event: TherapistEvent, single: QueuedEmail<T>, now = new Date()) {
  const kind = kindOf(event);
  await tx.insert(therapistNotices).values({ kind, windowStartedAt: new Date(0) }).onConflictDoNothing({ target: therapistNotices.kind });
  // Held to the end of the transaction: events of one kind are counted one at a time, on every server.
  const [notice] = await tx.select().from(therapistNotices).where(eq(therapistNotices.kind, kind)).for("update");
  if (!notice) throw new Error("therapist notice row missing after insert");

  if (notice.summaryEmailId) {
    // Still waiting and untried: it takes this event too. A dispatcher that has
    // claimed it holds its lock until the claim is written, and then it is no
    // longer pending, so no count is added to an email already on its way.
    const [waiting] = await tx
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.id, notice.summaryEmailId), eq(outboxEmails.status, "pending"), eq(outboxEmails.attempts, 0)))
      .for("update");
    if (waiting) {
      const counts = { ...notice.counts, [event]: (notice.counts[event] ?? 0) + 1 };
      await tx.update(outboxEmails).set({ props: summaryProps(kind, counts) }).where(eq(outboxEmails.id, waiting.id));
      await tx.update(therapistNotices).set({ counts }).where(eq(therapistNotices.kind, kind));
      return;
    }
  }

  const minutes = env().THERAPIST_NOTICE_MINUTES;
  const windowEnds = new Date(notice.windowStartedAt.getTime() + minutes * 60 * 1000);
  // With no window every event is told at once: requests that started earlier may commit later, so their `now`
  // can fall before the window another one just opened, and would otherwise be summed.
  if (minutes === 0 || now >= windowEnds) {
    await enqueueEmail(tx, single);
    await tx.update(therapistNotices).set({ windowStartedAt: now, summaryEmailId: null, counts: {} }).where(eq(therapistNotices.kind, kind));
    return;
  }
  // The summary goes when this window closes, and its sending opens the next one.
  const counts = { [event]: 1 };
  const summaryEmailId = await enqueueEmail(tx, { to: single.to, template: "therapist-summary", props: summaryProps(kind, counts), notBefore: windowEnds });
  await tx.update(therapistNotices).set({ windowStartedAt: windowEnds, summaryEmailId, counts }).where(eq(therapistNotices.kind, kind));
}
