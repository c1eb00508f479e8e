import { handleResendWebhook, webhookSignatureHeaders } from "@/lib/newsletter/webhooks";
import { OUT_OF_SERVICE_RETRY_SECONDS, outOfService } from "@/lib/server/out-of-service";
import { bodyTooLarge, readCappedText } from "@/lib/server/read-body";

/** Resend's events are a few hundred bytes of JSON; a generous ceiling still bounds what one call holds. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

const noStore = { "Cache-Control": "no-store" };

/**
 * Resend's delivery events. The signature headers are checked (present,
 * well formed, recent) before a byte of the body is read; the body is read
 * up to MAX_WEBHOOK_BYTES and verified against RESEND_WEBHOOK_SECRET. Anything
 * unverified is a 400 (413 past the cap) and changes nothing.
 */
export async function POST(request: Request) {
  // The proxy skips this route (see proxy.ts's matcher), so it steps aside itself; Resend and nginx try again.
  if (outOfService()) return Response.json({ handled: false }, { status: 503, headers: { ...noStore, "Retry-After": String(OUT_OF_SERVICE_RETRY_SECONDS) } });
  const checked = webhookSignatureHeaders(request.headers);
  if ("status" in checked) return Response.json({ handled: checked.handled }, { status: checked.status, headers: noStore });
  const body = await readCappedText(request, MAX_WEBHOOK_BYTES);
  if (body === null) return bodyTooLarge(MAX_WEBHOOK_BYTES);
  const outcome = await handleResendWebhook(body, request.headers);
  return Response.json({ handled: outcome.handled }, { status: outcome.status, headers: noStore });
}
