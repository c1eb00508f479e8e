import { handleResendWebhook } from "@/lib/newsletter/webhooks";

/**
 * Resend's delivery events. Verified against RESEND_WEBHOOK_SECRET over the
 * raw body; anything unverified is a 400 and changes nothing.
 */
export async function POST(request: Request) {
  const outcome = await handleResendWebhook(await request.text(), request.headers);
  return Response.json({ handled: outcome.handled }, { status: outcome.status, headers: { "Cache-Control": "no-store" } });
}
