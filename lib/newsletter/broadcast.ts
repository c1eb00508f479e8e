import "server-only";
// Sending an issue. startBroadcast and broadcastProgress are the therapist's
// and take a Therapist, which only the guard makes (lib/auth/guards.ts); runBroadcast
// and resumeBroadcasts are the system's, run after the admin action and by the
// periodic sweep.
import { and, asc, count, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { newsletterIssues, newsletterSends, subscribers, type NewsletterIssue } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { renderEmail } from "@/lib/email/render";
import { emailTransport, type BatchEmail, type BatchSendResult, type EmailTransport } from "@/lib/email/transport";
import { env } from "@/lib/env";
import type { Therapist } from "@/lib/auth/guards";
import { done, refused, type Outcome } from "@/lib/forms/outcome";
import { holdShutdownFor, shutdownSignal, shuttingDown } from "@/lib/server/shutdown";
import { isUuid } from "./issues";
import { newsletterHeaders, unsubscribePageUrl, unsubscribeToken } from "./links";

/** Resend takes at most 100 emails a batch call… */
export const BATCH_SIZE = 100;
/** …and we make at most 2 calls a second. */
export const CALLS_PER_SECOND = 2;
// How long a sender holds an issue without renewing; a sender that died is
// replaced after this. Renewed before every call.
const LEASE_SECONDS = 120;
// Transient failures (5xx, timeouts) of one batch are retried this many times
// before the run stops; the next run resumes with the same batch.
const MAX_TRANSIENT_RETRIES = 3;
// The visible unsubscribe link differs per recipient; the issue is rendered
// once with this in its place and each copy gets its own link.
const UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/attune-placeholder";

export type StartBroadcastOutcome = Outcome<{ recipients: number }, "not-found" | "not-a-draft">;

const notFound = refused("not-found", "That issue could not be found.");

/**
 * Starts sending an issue: fixes its recipients (every confirmed, unsuppressed
 * subscriber at this moment) as one send record each. The admin action then
 * calls runBroadcast, typically in after(); the periodic sweep resumes any
 * issue whose sender stopped.
 */
export function startBroadcast(therapist: Therapist, issueId: string, now = new Date()): Promise<StartBroadcastOutcome> {
  return beginBroadcast(issueId, now);
}

/** The same start without a therapist: only the sweep calls it, for an issue she scheduled (lib/newsletter/schedule.ts). */
export async function beginBroadcast(issueId: string, now = new Date()): Promise<StartBroadcastOutcome> {
  if (!isUuid(issueId)) return notFound;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [issue] = await tx
      .update(newsletterIssues)
      // Sending now (by hand or on time) ends any schedule.
      .set({ status: "sending", sendStartedAt: now, scheduledFor: null, updatedAt: now })
      .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.status, "draft")))
      .returning({ id: newsletterIssues.id });
    if (!issue) {
      const [exists] = await tx.select({ id: newsletterIssues.id }).from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
      return exists ? refused("not-a-draft", "This issue has already been sent.") : notFound;
    }
    await tx.execute(sql`
      insert into ${newsletterSends} (issue_id, subscriber_id, created_at)
      select ${issueId}::uuid, ${subscribers.id}, ${now.toISOString()}::timestamptz from ${subscribers}
      where ${subscribers.status} = 'confirmed' and ${subscribers.suppressedAt} is null`);
    const [recipients] = await tx.select({ n: count() }).from(newsletterSends).where(eq(newsletterSends.issueId, issueId));
    await tx.update(newsletterIssues).set({ recipientCount: recipients!.n }).where(eq(newsletterIssues.id, issueId));
    return done({ recipients: recipients!.n });
  });
}

export type RunOptions = {
  transport?: EmailTransport;
  /** Stops the run between (or during) calls; what was not confirmed sent is resumed later. */
  signal?: AbortSignal;
  /** Stop starting new batches after this long, e.g. inside a periodic sweep. */
  budgetMs?: number;
  /** Off only in tests that are not about the rate. */
  paced?: boolean;
  now?: () => Date;
};

export type RunResult = {
  outcome: "finished" | "stopped" | "interrupted" | "busy" | "not-sending";
  calls: number;
  sent: number;
  failed: number;
};

type Recipient = { sendId: string; subscriberId: string; email: string };

/**
 * Each recipient's copy of an issue: rendered once, with each copy's own
 * unsubscribe link put in. The broadcast sends exactly these; the development
 * mailbox shows them (lib/newsletter/dev-copies.ts).
 */
export async function issueCopies(issue: Pick<NewsletterIssue, "subject" | "body" | "postUrl">) {
  const rendered = await renderEmail("newsletter-issue", {
    subject: issue.subject,
    body: issue.body,
    siteUrl: env().APP_URL,
    postUrl: issue.postUrl ?? undefined,
    unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
  });
  return (recipient: Pick<Recipient, "subscriberId" | "email">): BatchEmail => {
    const token = unsubscribeToken(recipient.subscriberId);
    const link = unsubscribePageUrl(token);
    return {
      from: practice.senders.newsletter,
      to: recipient.email,
      subject: issue.subject,
      html: rendered.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, link),
      text: rendered.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, link),
      headers: newsletterHeaders(token),
    };
  };
}

/**
 * Sends an issue's pending records in batches of 100, at most 2 calls a
 * second, waiting out a 429's retry-after. Safe to run again at any point:
 *
 * - One sender per issue, by a lease on the issue row.
 * - A batch's records get their idempotency key before the call. A run that
 *   dies during the call leaves them pending with that key; the next run sends
 *   that very batch first, byte for byte (the issue is frozen once sending,
 *   and unsubscribe links are derived, not random), so Resend recognises the
 *   key and delivers nothing twice.
 */
export async function runBroadcast(issueId: string, options: RunOptions = {}): Promise<RunResult> {
  // A stopping server takes no lease, and one it holds ends at the next await: the batch in
  // flight stays keyed and pending, the lease is released, and another server resumes it.
  if (shuttingDown()) return { outcome: "stopped", calls: 0, sent: 0, failed: 0 };
  const signal = options.signal ? AbortSignal.any([options.signal, shutdownSignal()]) : shutdownSignal();
  return holdShutdownFor(() => sendIssue(issueId, { ...options, signal }));
}

async function sendIssue(issueId: string, options: RunOptions): Promise<RunResult> {
  const clock = options.now ?? (() => new Date());
  const result: RunResult = { outcome: "finished", calls: 0, sent: 0, failed: 0 };
  if (!isUuid(issueId)) return { ...result, outcome: "not-sending" };
  const db = await getDb();

  const lease = async () =>
    db
      .update(newsletterIssues)
      .set({ runnerLockedUntil: new Date(clock().getTime() + LEASE_SECONDS * 1000) })
      .where(
        and(
          eq(newsletterIssues.id, issueId),
          eq(newsletterIssues.status, "sending"),
          or(isNull(newsletterIssues.runnerLockedUntil), lt(newsletterIssues.runnerLockedUntil, clock())),
        ),
      )
      .returning();
  const [issue] = await lease();
  if (!issue) {
    const [existing] = await db.select({ status: newsletterIssues.status }).from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
    return { ...result, outcome: existing?.status === "sending" ? "busy" : "not-sending" };
  }
  const renew = () =>
    db
      .update(newsletterIssues)
      .set({ runnerLockedUntil: new Date(clock().getTime() + LEASE_SECONDS * 1000) })
      .where(eq(newsletterIssues.id, issueId));

  const transport = options.transport ?? emailTransport();
  const pacer = options.paced === false ? null : new Pacer(CALLS_PER_SECOND);
  const started = Date.now();

  const emailFor = await issueCopies(issue);

  try {
    for (;;) {
      if (options.signal?.aborted) return { ...result, outcome: "stopped" };
      if (options.budgetMs !== undefined && Date.now() - started >= options.budgetMs) return { ...result, outcome: "stopped" };
      const batch = await nextBatch(issueId);
      if (!batch) {
        await finishIfDone(issueId, clock());
        return result;
      }
      await renew();
      const emails = batch.recipients.map(emailFor);

      let outcome: BatchSendResult | undefined;
      for (let transient = 0; ; ) {
        if (pacer) await sleep(pacer.wait(), options.signal);
        if (options.signal?.aborted) return { ...result, outcome: "stopped" };
        result.calls += 1;
        outcome = await transport.sendBatch(emails, { idempotencyKey: batch.key, signal: options.signal });
        pacer?.finished();
        if (outcome.ok || options.signal?.aborted) break;
        if (outcome.statusCode === 429) {
          if (options.budgetMs !== undefined && Date.now() - started >= options.budgetMs) return { ...result, outcome: "stopped" };
          await renew();
          await sleep(Math.max(1, outcome.retryAfterSeconds ?? 1) * 1000, options.signal);
          continue;
        }
        // The key was already used with this batch: that earlier call went through.
        if (outcome.statusCode === 409) break;
        if (outcome.permanent) break;
        transient += 1;
        if (transient >= MAX_TRANSIENT_RETRIES) break;
        await sleep(1000 * 2 ** (transient - 1), options.signal);
      }
      if (options.signal?.aborted && !outcome?.ok) return { ...result, outcome: "stopped" };

      const at = clock();
      if (outcome.ok) {
        await markSent(batch.recipients, outcome.providerIds, at);
        result.sent += batch.recipients.length;
      } else if (outcome.statusCode === 409) {
        await markSent(batch.recipients, [], at);
        result.sent += batch.recipients.length;
      } else if (outcome.permanent) {
        await db
          .update(newsletterSends)
          .set({ status: "failed", error: outcome.error })
          .where(and(eq(newsletterSends.batchKey, batch.key), eq(newsletterSends.status, "pending")));
        result.failed += batch.recipients.length;
      } else {
        await db.update(newsletterIssues).set({ lastError: outcome.error }).where(eq(newsletterIssues.id, issueId));
        return { ...result, outcome: "interrupted" };
      }
    }
  } finally {
    await db.update(newsletterIssues).set({ runnerLockedUntil: null }).where(eq(newsletterIssues.id, issueId));
  }
}

/**
 * The next batch to send: first a batch that was keyed but never confirmed
 * (a run died during its call), else up to 100 new records, keyed now.
 * Records of people who left since the start are skipped, never sent.
 */
async function nextBatch(issueId: string): Promise<{ key: string; recipients: Recipient[] } | null> {
  const db = await getDb();
  const recipientsOf = (key: string) =>
    db
      .select({ sendId: newsletterSends.id, subscriberId: newsletterSends.subscriberId, email: subscribers.email })
      .from(newsletterSends)
      .innerJoin(subscribers, eq(subscribers.id, newsletterSends.subscriberId))
      .where(and(eq(newsletterSends.batchKey, key), eq(newsletterSends.status, "pending")))
      .orderBy(asc(newsletterSends.id));

  const [unfinished] = await db
    .select({ key: newsletterSends.batchKey })
    .from(newsletterSends)
    .where(and(eq(newsletterSends.issueId, issueId), eq(newsletterSends.status, "pending"), isNotNull(newsletterSends.batchKey)))
    .limit(1);
  if (unfinished?.key) return { key: unfinished.key, recipients: await recipientsOf(unfinished.key) };

  return db.transaction(async (tx) => {
    await tx.execute(sql`
      update ${newsletterSends} set status = 'skipped'
      where ${newsletterSends.issueId} = ${issueId}::uuid and ${newsletterSends.status} = 'pending' and ${newsletterSends.batchKey} is null
        and ${newsletterSends.subscriberId} in (
          select ${subscribers.id} from ${subscribers} where ${subscribers.status} <> 'confirmed' or ${subscribers.suppressedAt} is not null)`);
    const rows = await tx
      .select({ id: newsletterSends.id })
      .from(newsletterSends)
      .where(and(eq(newsletterSends.issueId, issueId), eq(newsletterSends.status, "pending"), isNull(newsletterSends.batchKey)))
      .orderBy(asc(newsletterSends.id))
      .limit(BATCH_SIZE)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return null;
    // Named after the issue and the batch's first record: unique, and the same on every retry.
    const key = `newsletter/${issueId}/${rows[0]!.id}`;
    await tx.execute(sql`
      update ${newsletterSends} set batch_key = ${key}
      where ${newsletterSends.id} in (${sql.join(rows.map((row) => sql`${row.id}::uuid`), sql`, `)})`);
    const recipients = await tx
      .select({ sendId: newsletterSends.id, subscriberId: newsletterSends.subscriberId, email: subscribers.email })
      .from(newsletterSends)
      .innerJoin(subscribers, eq(subscribers.id, newsletterSends.subscriberId))
      .where(eq(newsletterSends.batchKey, key))
      .orderBy(asc(newsletterSends.id));
    return { key, recipients };
  });
}

async function markSent(recipients: Recipient[], providerIds: string[], at: Date) {
  const db = await getDb();
  const values = recipients.map((recipient, index) => sql`(${recipient.sendId}::uuid, ${providerIds[index] ?? null}::text)`);
  await db.execute(sql`
    update ${newsletterSends} set status = 'sent', sent_at = ${at.toISOString()}::timestamptz, provider_id = v.provider_id, error = null
    from (values ${sql.join(values, sql`, `)}) as v(id, provider_id)
    where ${newsletterSends.id} = v.id and ${newsletterSends.status} = 'pending'`);
}

async function finishIfDone(issueId: string, at: Date) {
  const db = await getDb();
  await db.execute(sql`
    update ${newsletterIssues} set status = 'sent', sent_at = ${at.toISOString()}::timestamptz, last_error = null, updated_at = ${at.toISOString()}::timestamptz
    where ${newsletterIssues.id} = ${issueId}::uuid and ${newsletterIssues.status} = 'sending'
      and not exists (select 1 from ${newsletterSends} where ${newsletterSends.issueId} = ${issueId}::uuid and ${newsletterSends.status} = 'pending')`);
}

/**
 * At most `perSecond` calls in any second, as Resend counts them: on arrival.
 * We cannot see when a call arrives, only when we started it and when its
 * answer came back, so a call starts no sooner than a second after the answer
 * to the call `perSecond` places back (which had certainly arrived by then),
 * and calls are spread evenly in between.
 */
class Pacer {
  private answers: number[] = [];
  private lastStart = 0;
  constructor(private readonly perSecond: number) {}

  wait(): number {
    const now = Date.now();
    const spread = this.lastStart + 1000 / this.perSecond - now;
    const window = this.answers.length >= this.perSecond ? this.answers[this.answers.length - this.perSecond]! + 1000 + 5 - now : 0;
    const wait = Math.max(0, spread, window);
    this.lastStart = now + wait;
    return wait;
  }

  finished() {
    this.answers.push(Date.now());
    if (this.answers.length > this.perSecond) this.answers.shift();
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}

/** Sent of total, for the progress bar in the private area. */
export async function broadcastProgress(therapist: Therapist, issueId: string) {
  if (!isUuid(issueId)) return null;
  const db = await getDb();
  const [issue] = await db
    .select({ status: newsletterIssues.status, recipientCount: newsletterIssues.recipientCount, lastError: newsletterIssues.lastError })
    .from(newsletterIssues)
    .where(eq(newsletterIssues.id, issueId));
  if (!issue) return null;
  const rows = await db.select({ status: newsletterSends.status, n: count() }).from(newsletterSends).where(eq(newsletterSends.issueId, issueId)).groupBy(newsletterSends.status);
  const by = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
  // What Resend's webhooks said of each copy since: one status a recipient, the last that counts.
  const deliveries = await db
    .select({ delivery: newsletterSends.deliveryStatus, n: count() })
    .from(newsletterSends)
    .where(and(eq(newsletterSends.issueId, issueId), isNotNull(newsletterSends.deliveryStatus)))
    .groupBy(newsletterSends.deliveryStatus);
  const delivered = (status: string) => deliveries.find((row) => row.delivery === status)?.n ?? 0;
  return {
    delivered: delivered("delivered"),
    delayed: delivered("delayed"),
    bounced: delivered("bounced"),
    complained: delivered("complained"),
    status: issue.status,
    total: issue.recipientCount ?? 0,
    sent: by("sent"),
    failed: by("failed"),
    skipped: by("skipped"),
    pending: by("pending"),
    lastError: issue.lastError,
  };
}

/**
 * Resumes every issue whose sender stopped (a restart, a crash, an outage),
 * within a time budget so the periodic sweep stays short; the next sweep
 * carries on where this one stopped.
 */
export async function resumeBroadcasts({ budgetMs = 20_000, now = () => new Date() }: { budgetMs?: number; now?: () => Date } = {}) {
  const db = await getDb();
  const due = await db
    .select({ id: newsletterIssues.id })
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.status, "sending"), or(isNull(newsletterIssues.runnerLockedUntil), lt(newsletterIssues.runnerLockedUntil, now()))))
    .orderBy(asc(newsletterIssues.sendStartedAt));
  const started = Date.now();
  const results: RunResult[] = [];
  for (const { id } of due) {
    if (shuttingDown()) break;
    const left = budgetMs - (Date.now() - started);
    if (left <= 0) break;
    results.push(await runBroadcast(id, { budgetMs: left, now }));
  }
  return results;
}
