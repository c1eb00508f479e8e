import "server-only";
import { Resend } from "resend";
import { env } from "@/lib/env";

/** A file sent with an email: base64 content, made at send time (an appointment's .ics, for one). */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export type OutgoingEmail = {
  idempotencyKey: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  /** Extra headers, such as a newsletter's List-Unsubscribe. */
  headers?: Record<string, string>;
};

/** One email of a batch: the batch as a whole carries the idempotency key. */
export type BatchEmail = Omit<OutgoingEmail, "idempotencyKey">;

type SendFailure = { ok: false; statusCode: number | null; error: string; retryAfterSeconds?: number; permanent: boolean };

export type SendResult = { ok: true; providerId: string } | SendFailure;

/** Provider ids in the order of the emails sent. */
export type BatchSendResult = { ok: true; providerIds: string[] } | SendFailure;

export interface EmailTransport {
  readonly name: "resend" | "dev-mailbox";
  send(email: OutgoingEmail): Promise<SendResult>;
  /** Up to 100 emails in one call (Resend's batch endpoint), all or none. */
  sendBatch(emails: BatchEmail[], options: { idempotencyKey: string; signal?: AbortSignal }): Promise<BatchSendResult>;
}

// Errors Resend will answer the same way however often we retry.
const PERMANENT_STATUSES = new Set([400, 403, 404, 422]);

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

class ResendTransport implements EmailTransport {
  readonly name = "resend";
  private readonly client: Resend;

  constructor(apiKey: string, baseUrl: string | undefined) {
    this.client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    const { idempotencyKey, ...payload } = email;
    // The SDK has no timeout of its own; a hung request would hold the row.
    const signal = AbortSignal.timeout(env().EMAIL_SEND_TIMEOUT_MS);
    const { data, error, headers } = await this.client.emails.send(payload, { idempotencyKey, signal });
    if (data?.id) return { ok: true, providerId: data.id };
    return failure(error, headers);
  }

  async sendBatch(emails: BatchEmail[], options: { idempotencyKey: string; signal?: AbortSignal }): Promise<BatchSendResult> {
    const timeout = AbortSignal.timeout(env().EMAIL_SEND_TIMEOUT_MS);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const { data, error, headers } = await this.client.batch.send(emails, { idempotencyKey: options.idempotencyKey, signal });
    const ids = data?.data?.map((entry) => entry.id) ?? [];
    if (data && ids.length === emails.length) return { ok: true, providerIds: ids };
    if (data) return { ok: false, statusCode: 200, error: `Resend answered ${ids.length} ids for ${emails.length} emails`, permanent: false };
    return failure(error, headers);
  }
}

function failure(error: { name?: string; message?: string } | null, headers: Record<string, string> | null): SendFailure {
  const statusCode = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
  return {
    ok: false,
    statusCode,
    error: `${error?.name ?? "unknown_error"}: ${error?.message ?? "no message"}`.slice(0, 500),
    retryAfterSeconds: statusCode === 429 ? parseRetryAfter(headers?.["retry-after"]) : undefined,
    permanent: statusCode !== null && PERMANENT_STATUSES.has(statusCode),
  };
}

/**
 * Development without a Resend key: the email is "delivered" by marking it
 * sent, and /dev/mailbox renders it from the outbox as the recipient would
 * see it.
 */
class DevMailboxTransport implements EmailTransport {
  readonly name = "dev-mailbox";
  async send(email: OutgoingEmail): Promise<SendResult> {
    return { ok: true, providerId: `dev-mailbox:${email.idempotencyKey}` };
  }

  async sendBatch(emails: BatchEmail[], options: { idempotencyKey: string }): Promise<BatchSendResult> {
    return { ok: true, providerIds: emails.map((_email, index) => `dev-mailbox:${options.idempotencyKey}:${index}`) };
  }
}

export function emailTransport(): EmailTransport {
  const { RESEND_API_KEY, RESEND_BASE_URL, NODE_ENV } = env();
  if (RESEND_API_KEY) return new ResendTransport(RESEND_API_KEY, RESEND_BASE_URL);
  if (NODE_ENV === "production") throw new Error("RESEND_API_KEY is required in production");
  return new DevMailboxTransport();
}

/**
 * The mailbox shows the therapist's sign-in links, so it is opt-in even in
 * development: `npm run dev` sets DEV_MAILBOX=1 (and listens on localhost
 * only); any other way of starting the app shows a 404.
 */
export function devMailboxEnabled(): boolean {
  const { RESEND_API_KEY, NODE_ENV, DEV_MAILBOX } = env();
  return DEV_MAILBOX && !RESEND_API_KEY && NODE_ENV !== "production";
}
