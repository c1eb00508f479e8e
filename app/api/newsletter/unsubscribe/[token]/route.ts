import { siteUrl } from "@/lib/env";
import { unsubscribe } from "@/lib/newsletter/unsubscribe";
import { isIssuedToken } from "@/lib/security/issued-token";
import { bodyTooLarge, readCappedBody } from "@/lib/server/read-body";

/** "List-Unsubscribe=One-Click" is 26 bytes; a multipart wrapping of it a few hundred. */
const MAX_UNSUBSCRIBE_BYTES = 4 * 1024;

const noStore = { "Cache-Control": "no-store" };

/**
 * RFC 8058 one-click unsubscribe: the mail provider POSTs
 * "List-Unsubscribe=One-Click" here, with no cookie and following no
 * redirect, so it is a route handler answering 200 rather than a server
 * action (whose origin check a provider's server could not pass). The token
 * in the path is the only credential. Any token of the right form gets the
 * same 200, so the answer reveals nothing.
 */
export async function POST(request: Request, { params }: RouteContext<"/api/newsletter/unsubscribe/[token]">) {
  const { token } = await params;
  const body = await readCappedBody(request, MAX_UNSUBSCRIBE_BYTES);
  if (!body.ok) return bodyTooLarge(MAX_UNSUBSCRIBE_BYTES);
  let oneClick = false;
  try {
    const form = new Request(request.url, { method: "POST", body: body.bytes, headers: { "content-type": request.headers.get("content-type") ?? "" } });
    oneClick = (await form.formData()).get("List-Unsubscribe") === "One-Click";
  } catch {
    oneClick = false;
  }
  if (!oneClick) return new Response("Expected List-Unsubscribe=One-Click\n", { status: 400, headers: noStore });
  if (!isIssuedToken(token)) return new Response("Not found\n", { status: 404, headers: noStore });
  await unsubscribe(token);
  return new Response("You are unsubscribed.\n", { status: 200, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });
}

/** A person (or an older mail app) opening the address: the page that asks first. */
export async function GET(_request: Request, { params }: RouteContext<"/api/newsletter/unsubscribe/[token]">) {
  const { token } = await params;
  const safe = isIssuedToken(token) ? token : "invalid";
  return Response.redirect(siteUrl(`/newsletter/unsubscribe/${safe}`), 303);
}
