import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { Resend } from "resend";
import { getDb } from "@/db/client";
import { newsletterSends, outboxEmails, subscribers } from "@/db/schema";
import { env } from "@/lib/env";
import { normaliseEmailAddress } from "@/lib/forms/email-address";
import { stopNewsletterMail } from "./unsubscribe";

type DeliveryStatus = "delivered" | "delayed" | "bounced" | "complained";

const deliveryByEvent: Record<string, DeliveryStatus> = {
  "email.delivered": "delivered",
  "email.delivery_delayed": "delayed",
  "email.bounced": "bounced",
  "email.complained": "complained",
};

export type WebhookOutcome = { status: 200 | 400; handled: string };

/** Svix refuses a timestamp further than this from now; checking it first costs nothing. */
const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

type SignatureHeaders = { id: string; timestamp: string; signature: string };

/**
 * The signature headers, present, well formed and recent, or why not. Read
 * before the body, so a call that cannot be Resend's is refused without
 * reading a byte of what it sent.
 */
export function webhookSignatureHeaders(headers: Headers, now = new Date()): SignatureHeaders | WebhookOutcome {
  if (!env().RESEND_WEBHOOK_SECRET) return { status: 400, handled: "no webhook secret is configured" };
  const id = headers.get("svix-id") ?? headers.get("webhook-id");
  const timestamp = headers.get("svix-timestamp") ?? headers.get("webhook-timestamp");
  const signature = headers.get("svix-signature") ?? headers.get("webhook-signature");
  if (!id || !timestamp || !signature) return { status: 400, handled: "missing signature headers" };
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id) || !/^\d{1,12}$/.test(timestamp) || !/^v1,[A-Za-z0-9+/=]{1,200}( v1,[A-Za-z0-9+/=]{1,200}){0,4}$/.test(signature)) {
    return { status: 400, handled: "malformed signature headers" };
  }
  if (Math.abs(Number(timestamp) - now.getTime() / 1000) > TIMESTAMP_TOLERANCE_SECONDS) return { status: 400, handled: "timestamp too old or too new" };
  return { id, timestamp, signature };
}

/**
 * A call from Resend to /api/webhooks/resend. The signature is checked with
 * the SDK over the raw body before anything is read from it; a call that
 * fails the check changes nothing. Opens and clicks are not recorded: this
 * practice does no open or click tracking.
 */
export async function handleResendWebhook(rawBody: string, headers: Headers, now = new Date()): Promise<WebhookOutcome> {
  const secret = env().RESEND_WEBHOOK_SECRET;
  const checked = webhookSignatureHeaders(headers, now);
  if (!secret || "status" in checked) return "status" in checked ? checked : { status: 400, handled: "no webhook secret is configured" };
  const { id, timestamp, signature } = checked;

  let event: { type?: unknown; created_at?: unknown; data?: { email_id?: unknown; to?: unknown } };
  try {
    // verify() needs no API key, but the client refuses to be built without one.
    const client = new Resend(env().RESEND_API_KEY ?? "re_verify_only");
    event = client.webhooks.verify({ payload: rawBody, headers: { id, timestamp, signature }, webhookSecret: secret }) as typeof event;
  } catch {
    return { status: 400, handled: "signature does not match" };
  }

  const type = typeof event.type === "string" ? event.type : "";
  const delivery = deliveryByEvent[type];
  if (!delivery) return { status: 200, handled: "ignored" };
  const providerId = typeof event.data?.email_id === "string" ? event.data.email_id : null;
  const at = typeof event.created_at === "string" && !Number.isNaN(Date.parse(event.created_at)) ? new Date(event.created_at) : now;
  const recipients = Array.isArray(event.data?.to) ? event.data.to.filter((to): to is string => typeof to === "string") : [];

  const db = await getDb();
  await db.transaction(async (tx) => {
    if (providerId) {
      // A late "delivered" never overwrites a bounce or complaint already recorded.
      const keep = sql`(delivery_status is null or delivery_status not in ('bounced', 'complained') or ${delivery} in ('bounced', 'complained'))`;
      await tx.update(outboxEmails).set({ deliveryStatus: delivery, deliveryUpdatedAt: at }).where(and(eq(outboxEmails.providerId, providerId), keep));
      await tx.update(newsletterSends).set({ deliveryStatus: delivery, deliveryUpdatedAt: at }).where(and(eq(newsletterSends.providerId, providerId), keep));
    }
    if (delivery !== "bounced" && delivery !== "complained") return;
    for (const address of recipients) {
      const [suppressed] = await tx
        .update(subscribers)
        .set({ suppressedAt: at, suppressionReason: delivery })
        .where(and(eq(subscribers.email, normaliseEmailAddress(address) ?? ""), isNull(subscribers.suppressedAt)))
        .returning({ id: subscribers.id, email: subscribers.email });
      if (suppressed) await stopNewsletterMail(tx, suppressed);
    }
  });
  return { status: 200, handled: delivery };
}
