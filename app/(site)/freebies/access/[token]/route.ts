import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { openLibraryLink } from "@/lib/newsletter/library";
import { libraryCookie } from "@/lib/newsletter/library-cookie";

/**
 * The library link from an email: exchanges it for a library session in an
 * HttpOnly cookie and opens the library. A forged, altered or expired link
 * sets nothing and leads to a page saying so.
 */
export async function GET(_request: Request, { params }: RouteContext<"/freebies/access/[token]">) {
  const { token } = await params;
  const session = await openLibraryLink(token);
  if (!session) return NextResponse.redirect(new URL("/freebies/link-expired", env().APP_URL), 303);
  const response = NextResponse.redirect(new URL("/freebies/library", env().APP_URL), 303);
  const cookie = libraryCookie();
  response.cookies.set(cookie.name, session.token, cookie.options(session.expiresAt));
  response.headers.set("Cache-Control", "no-store");
  return response;
}
