import { NextResponse } from "next/server";
import { siteUrl } from "@/lib/env";
import { libraryLinkAllowed, openLibraryLink } from "@/lib/newsletter/library";
import { libraryCookie } from "@/lib/newsletter/library-cookie";
import { clientIp } from "@/lib/security/client-ip";

/**
 * The library link from an email: exchanges it for a library session in an
 * HttpOnly cookie and opens the library. A forged, altered or expired link
 * sets nothing and leads to a page saying so; past the rate limits (per
 * address and per link) nothing is looked up at all.
 */
export async function GET(request: Request, { params }: RouteContext<"/freebies/access/[token]">) {
  const { token } = await params;
  if (!(await libraryLinkAllowed(token, clientIp(request.headers)))) {
    return new Response("Too many tries from here. Please wait an hour and open the link from your email again.\n", {
      status: 429,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "3600" },
    });
  }
  const session = await openLibraryLink(token);
  if (!session) return NextResponse.redirect(siteUrl("/freebies/link-expired"), 303);
  const response = NextResponse.redirect(siteUrl("/freebies/library"), 303);
  const cookie = libraryCookie();
  response.cookies.set(cookie.name, session.token, cookie.options(session.expiresAt));
  response.headers.set("Cache-Control", "no-store");
  return response;
}
