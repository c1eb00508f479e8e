import "server-only";
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailAttempts, outboxEmails, type OutboxEmail } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { holdShutdownFor, shuttingDown } from "@/lib/server/shutdown";
import { renderEmail } from "./render";
import { emailTemplates, type EmailTemplateName } from "./templates";
import { emailTransport, type EmailTransport, type SendResult } from "./transport";

const BACKOFF_BASE_SECONDS = 30;
const BACKOFF_CAP_SECONDS = 60 * 60;
// Long enough for one slow send; a row still "sending" after this belonged to
// a dispatcher that died, and is claimed again.
const CLAIM_SECONDS = 120;

/** Seconds to wait before attempt `attempts + 1`: 30 s, 1 min, 2 min … capped at an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}

export type DispatchSummary = { claimed: number; sent: number; retrying: number; failed: number };

type DispatchOptions = { now?: Date; batchSize?: number; transport?: EmailTransport };

/**
 * Claims due outbox rows and delivers them. Claiming is one short transaction
 * with FOR UPDATE SKIP LOCKED, so concurrent dispatchers (after() in several
 * requests, the interval, the cron route) each get different rows and never
 * send one twice; sending happens outside it so no lock is held across the
 * network. Resend also sees the row's id as the Idempotency-Key, so a retry of
 * a send whose answer was lost is not delivered twice.
 */
export async function dispatchOutbox(options: DispatchOptions = {}): Promise<DispatchSummary> {
  // A stopping server claims nothing; what it already claimed it finishes or releases before it exits.
  if (shuttingDown()) return { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  return holdShutdownFor(() => dispatchClaimed(options));
}

async function dispatchClaimed({ now = new Date(), batchSize = 25, transport }: DispatchOptions): Promise<DispatchSummary> {
  const db = await getDb();
  const summary: DispatchSummary = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(
        or(
          and(eq(outboxEmails.status, "pending"), lte(outboxEmails.nextAttemptAt, now)),
          and(eq(outboxEmails.status, "sending"), lte(outboxEmails.lockedUntil, now)),
        ),
      )
      .orderBy(asc(outboxEmails.nextAttemptAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxEmails)
      .set({
        status: "sending",
        attempts: sql`${outboxEmails.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + CLAIM_SECONDS * 1000),
      })
      .where(inArray(outboxEmails.id, due.map((row) => row.id)))
      .returning();
  });
  summary.claimed = claimed.length;
  if (claimed.length === 0) return summary;

  const activeTransport = transport ?? emailTransport();
  for (const [index, email] of claimed.entries()) {
    if (shuttingDown()) {
      await releaseClaims(claimed.slice(index));
      break;
    }
    const outcome = await deliver(activeTransport, email);
    summary[outcome] += 1;
  }
  return summary;

  // Handed back untouched, so another server sends them now rather than after CLAIM_SECONDS.
  async function releaseClaims(rows: OutboxEmail[]) {
    await db
      .update(outboxEmails)
      .set({ status: "pending", attempts: sql`${outboxEmails.attempts} - 1`, lockedUntil: null })
      .where(and(inArray(outboxEmails.id, rows.map((row) => row.id)), eq(outboxEmails.status, "sending")));
  }

  async function deliver(transport: EmailTransport, email: OutboxEmail): Promise<"sent" | "retrying" | "failed"> {
    const started = performance.now();
    let result: SendResult;
    try {
      const { html, text, attachments } = await renderEmail(email.template, email.props);
      const sender = emailTemplates[email.template as EmailTemplateName]?.from ?? "visitors";
      result = await transport.send({
        idempotencyKey: email.id,
        from: practice.senders[sender],
        to: email.recipient,
        subject: email.subject,
        html,
        text,
        ...(attachments.length > 0 ? { attachments } : {}),
        ...(email.headers ? { headers: email.headers } : {}),
      });
    } catch (error) {
      // Stored with the attempt and shown in the private area: the safe name only, as for a log line.
      result = { ok: false, statusCode: null, error: describeError(error), permanent: false };
    }
    const durationMs = Math.round(performance.now() - started);
    const finishedAt = new Date(now.getTime() + durationMs);

    return db.transaction(async (tx) => {
      await tx.insert(emailAttempts).values({
        outboxEmailId: email.id,
        succeeded: result.ok,
        statusCode: result.ok ? 200 : result.statusCode,
        error: result.ok ? null : result.error,
        durationMs,
        attemptedAt: finishedAt,
      });
      if (result.ok) {
        await tx
          .update(outboxEmails)
          .set({ status: "sent", providerId: result.providerId, sentAt: finishedAt, lockedUntil: null, lastError: null })
          .where(eq(outboxEmails.id, email.id));
        return "sent";
      }
      const exhausted = result.permanent || email.attempts >= env().OUTBOX_MAX_ATTEMPTS;
      const waitSeconds = Math.max(backoffSeconds(email.attempts), result.retryAfterSeconds ?? 0);
      await tx
        .update(outboxEmails)
        .set({
          status: exhausted ? "failed" : "pending",
          lastError: result.error,
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + waitSeconds * 1000),
        })
        // A therapist may have cancelled the row while it was being sent.
        .where(and(eq(outboxEmails.id, email.id), eq(outboxEmails.status, "sending")));
      return exhausted ? "failed" : "retrying";
    });
  }
}

/** Delivers everything due, batch after batch, until nothing is left or `maxBatches` is reached. */
export async function drainOutbox(options: DispatchOptions & { maxBatches?: number } = {}): Promise<DispatchSummary> {
  const total: DispatchSummary = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch += 1) {
    const summary = await dispatchOutbox(options);
    for (const key of Object.keys(total) as (keyof DispatchSummary)[]) total[key] += summary[key];
    if (summary.claimed === 0) break;
  }
  return total;
}

type DispatchLoop = { running: Promise<void> | null; again: boolean };
const globalForDispatch = globalThis as typeof globalThis & { __attuneDispatch?: DispatchLoop };

/**
 * Asks for a delivery run right now (after a response, say). Requests that
 * arrive while a run is going fold into one more run after it, so a burst of
 * form posts costs a couple of claim queries rather than one each.
 */
export function kickDispatcher(): Promise<void> {
  const loop = (globalForDispatch.__attuneDispatch ??= { running: null, again: false });
  if (loop.running) {
    loop.again = true;
    return loop.running;
  }
  loop.running = (async () => {
    try {
      do {
        loop.again = false;
        await drainOutbox();
      } while (loop.again);
    } finally {
      loop.running = null;
    }
  })();
  return loop.running;
}
