import "server-only";
import { Resend } from "resend";
import { env } from "@/lib/env";

export type OutgoingEmail = {
  idempotencyKey: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Base64 content, made at send time (an appointment's .ics, for one). */
  attachments?: { filename: string; contentType: string; content: string }[];
};

export type SendResult =
  | { ok: true; providerId: string }
  | { ok: false; statusCode: number | null; error: string; retryAfterSeconds?: number; permanent: boolean };

export interface EmailTransport {
  readonly name: "resend" | "dev-mailbox";
  send(email: OutgoingEmail): Promise<SendResult>;
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
    const statusCode = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
    return {
      ok: false,
      statusCode,
      error: `${error?.name ?? "unknown_error"}: ${error?.message ?? "no message"}`.slice(0, 500),
      retryAfterSeconds: statusCode === 429 ? parseRetryAfter(headers?.["retry-after"]) : undefined,
      permanent: statusCode !== null && PERMANENT_STATUSES.has(statusCode),
    };
  }
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
}

export function emailTransport(): EmailTransport {
  const { RESEND_API_KEY, RESEND_BASE_URL, NODE_ENV } = env();
  if (RESEND_API_KEY) return new ResendTransport(RESEND_API_KEY, RESEND_BASE_URL);
  if (NODE_ENV === "production") throw new Error("RESEND_API_KEY is required in production");
  return new DevMailboxTransport();
}

export function devMailboxEnabled(): boolean {
  const { RESEND_API_KEY, NODE_ENV } = env();
  return !RESEND_API_KEY && NODE_ENV !== "production";
}
