import { NextResponse, type NextRequest } from "next/server";
import {
  RETURN_TO_COOKIE,
  RETURN_TO_MAX_AGE_SECONDS,
  SESSION_COOKIE_NAMES,
  SIGN_IN_PATH,
  SIGNED_OUT_PATH,
  safeReturnPath,
} from "@/lib/auth/auth.config";
import { practice } from "@/lib/practice/practice";
import { isActionArgumentList, isCrossOriginPost, isFormActionPart } from "@/lib/server/action-request";
import { OUT_OF_SERVICE_RETRY_SECONDS, outOfService } from "@/lib/server/out-of-service";
import { checkPageParams } from "@/lib/server/page-params";
import { readCappedBody } from "@/lib/server/read-body";

// Pages rendered per request: they get a fresh nonce and are never cached.
// Everything else is prerendered HTML, whose inline framework scripts cannot
// carry a per-request nonce, so it gets a policy that needs none.
const DYNAMIC_PREFIXES = ["/contact", "/admin", "/dev", "/api", "/book", "/newsletter", "/freebies/library", "/freebies/access"];

// Next's own limit on a server action body is 1 MB; refusing larger posts here
// answers with a clear page instead of the framework's error.
const MAX_POST_BYTES = 1024 * 1024;

const isDev = process.env.NODE_ENV !== "production";

/** Route handlers that other servers post to (a mail provider's one-click unsubscribe, cron): no browser, no Origin of ours. */
const SERVER_TO_SERVER_PREFIXES = ["/api/newsletter/unsubscribe/", "/api/outbox/sweep"];

function contentSecurityPolicy(nonce: string | null) {
  const script = nonce
    ? `'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`
    : `'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`;
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isDev ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  // First, before any work: the old server of a rolling upgrade refuses
  // everything, so nginx may send any request, a form post included, to the
  // other server (deploy/nginx/attune.conf relies on this).
  if (outOfService()) return plainPage(503, outOfServicePage(), { "Retry-After": String(OUT_OF_SERVICE_RETRY_SECONDS) });

  const { pathname } = request.nextUrl;
  const dynamic = DYNAMIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

  // A path Next cannot decode (`/book/manage/%`) would reach a dynamic segment
  // and fail there as a bare 500.
  if (!decodablePath(pathname)) return plainPage(400, badAddressPage());

  if (request.method === "POST") {
    if (!SERVER_TO_SERVER_PREFIXES.some((prefix) => pathname.startsWith(prefix)) && isCrossOriginPost(request.headers)) {
      return plainPage(403, crossSitePage());
    }
    const body = await postedBody(request);
    if (body === "too large") return plainPage(413, tooLargePage());
    if (body === "unreadable") return plainPage(400, unreadableFormPage());
  }

  if (request.method === "GET" || request.method === "HEAD") {
    const params = checkPageParams(pathname, request.nextUrl.search);
    if (params === "invalid") return plainPage(400, badLinkPage());
    if (params === "time not available") return plainPage(400, timeNotAvailablePage());
  }

  const nonce = dynamic ? btoa(crypto.randomUUID()) : null;
  const policy = contentSecurityPolicy(nonce);

  // A convenience, never the gate (lib/auth/guards.ts is): a browser with no
  // session cookie at all goes straight to sign-in, remembering where it was
  // heading so a "new message" link lands on that message afterwards.
  if (request.method === "GET" && isPrivatePage(pathname) && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const signIn = request.nextUrl.clone();
    signIn.pathname = SIGN_IN_PATH;
    signIn.search = "";
    const response = NextResponse.redirect(signIn, 303);
    const returnTo = safeReturnPath(pathname);
    if (returnTo) {
      response.cookies.set(RETURN_TO_COOKIE, returnTo, {
        httpOnly: true,
        sameSite: "lax",
        path: "/admin",
        maxAge: RETURN_TO_MAX_AGE_SECONDS,
        secure: request.nextUrl.protocol === "https:",
      });
    }
    response.headers.set("Content-Security-Policy", policy);
    response.headers.set("Cache-Control", "private, no-store, max-age=0");
    return response;
  }
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's policy and stamps its scripts with it.
  if (nonce) requestHeaders.set("Content-Security-Policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (dynamic) response.headers.set("Cache-Control", "private, no-store, max-age=0");
  if (pathname === "/admin" || pathname.startsWith("/admin/")) response.headers.set("X-Robots-Tag", "noindex, nofollow");
  return response;
}

/**
 * Over MAX_POST_BYTES, by its declared length or, for a chunked body with
 * none, by reading it up to the cap; and a post the framework could not
 * parse (malformed multipart, an action argument that is not JSON, a
 * JavaScript action call whose arguments are no list or more than Next
 * takes), which would reach Next's action handler and end as a bare 500. The
 * proxy is handed its own copy of the body; the framework buffers the
 * original for the action (e2e/edges.spec.ts checks a chunked form post still
 * arrives whole).
 */
async function postedBody(request: NextRequest): Promise<"too large" | "unreadable" | "fine"> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_POST_BYTES) return "too large";
  const type = request.headers.get("content-type") ?? "";
  // Route handlers included: a post to an /api address no handler answers falls through to a page, which Next parses as a form action.
  const form = /^multipart\/form-data\b/i.test(type);
  const actionCall = request.headers.has("next-action");
  if (!request.body || (declared !== null && !form && !actionCall)) return "fine";
  const body = await readCappedBody(request, MAX_POST_BYTES);
  if (!body.ok) return "too large";
  if (!form) return actionCall && !/^application\/x-www-form-urlencoded\b/i.test(type) && !isActionArgumentList(new TextDecoder().decode(body.bytes)) ? "unreadable" : "fine";
  try {
    const fields = await new Response(body.bytes, { headers: { "content-type": type } }).formData();
    if (actionCall) {
      const root = fields.get("0");
      const parts = new Map([...fields].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      // A file part is a Blob a reference may point to; its name counts, not its bytes.
      for (const [name, value] of fields) if (typeof value !== "string") parts.set(name, "null");
      if (typeof root !== "string" || !isActionArgumentList(root, parts)) return "unreadable";
    }
    for (const [name, value] of fields) {
      const part = /^\$ACTION_\d+:(\d+)$/.exec(name);
      if (part && (typeof value !== "string" || !isFormActionPart(Number(part[1]), value))) return "unreadable";
    }
    return "fine";
  } catch {
    return "unreadable";
  }
}

function decodablePath(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function plainPage(status: 400 | 403 | 413 | 503, html: string, extraHeaders: Record<string, string> = {}) {
  return new NextResponse(html, {
    status,
    headers: {
      ...extraHeaders,
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": contentSecurityPolicy(null),
      // Refusals answer addresses that may carry a token or a stranger's junk: nothing here belongs in a search engine.
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}

function isPrivatePage(pathname: string) {
  if (pathname !== "/admin" && !pathname.startsWith("/admin/")) return false;
  return !(pathname === SIGN_IN_PATH || pathname.startsWith(`${SIGN_IN_PATH}/`) || pathname === SIGNED_OUT_PATH);
}

function tooLargePage() {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Message too long</title>
<main style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>That was too long to send</h1>
<p>What you sent was larger than this website accepts, so nothing was stored. Please go back, shorten your message to a few paragraphs, and send it again.</p>
<p>Use your browser's back button to return to the form.</p>
<p>If you are in crisis or in danger, please reach out now: ${escapeHtml(practice.crisisLines.map((line) => `${line.name}: ${line.how}`).join("; "))}.</p>
</main></html>`;
}

function unreadableFormPage() {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Form not understood</title>
<main style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>This form could not be read</h1>
<p>What was sent did not arrive as a form this website can read, so nothing was stored. Please go back, reload the page and send it again.</p>
</main></html>`;
}

// Seen only if every server steps aside at once (nginx tries the others first).
function outOfServicePage() {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Being updated</title>
<main style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>This website is being updated</h1>
<p>It will be back in a minute. Nothing you sent was stored: please go back and send it again in a moment.</p>
<p>If you are in crisis or in danger, please reach out now: ${escapeHtml(practice.crisisLines.map((line) => `${line.name}: ${line.how}`).join("; "))}.</p>
</main></html>`;
}

function badAddressPage() {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Address not understood</title>
<main style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>This address could not be read</h1>
<p>The link you followed is damaged, perhaps cut short or changed when it was copied. Nothing was changed.</p>
<p>If it came in an email, try opening it from the email again, or <a href="/">go to the home page</a>.</p>
</main></html>`;
}

function crossSitePage() {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Form from another site</title>
<main style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>This form was sent from another website</h1>
<p>This website only accepts its own forms, so nothing was stored. Please <a href="/">open this website directly</a> and use the form there.</p>
</main></html>`;
}

function badLinkPage() {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not valid</title>
<main style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>This link is not valid</h1>
<p>The link you followed has been changed or damaged, perhaps when it was copied. Nothing was changed.</p>
<p>If it came in an email, try opening it from the email again, or <a href="/">go to the home page</a>.</p>
</main></html>`;
}

function timeNotAvailablePage() {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Time not available</title>
<main style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>This time is not available</h1>
<p>The time in this link is not one that can be booked. Nothing was booked or changed.</p>
<p>Please <a href="/book">choose a time on the booking page</a>.</p>
<p>If you are in crisis or in danger, please reach out now: ${escapeHtml(practice.crisisLines.map((line) => `${line.name}: ${line.how}`).join("; "))}.</p>
</main></html>`;
}

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// /api/health is polled every few seconds by the proxy and the monitor: it
// sets its own no-store and needs neither a nonce nor a redirect, so it skips
// this step and answers faster. The webhook skips it too: Next holds a
// proxy's answer until the whole request body has arrived (it buffers a copy
// for the route), so only the handler itself can refuse a call without
// signature headers before a stranger's body is read, however slowly it comes.
export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml|api/health|api/webhooks/).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
