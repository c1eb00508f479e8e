import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { PRIVATE_HOME_PATH, RETURN_TO_COOKIE, safeReturnPath, sessionCookieOptions } from "./auth.config";
import { HOUR } from "@/lib/time";

/**
 * Sets the session cookie after a sign-in. Its expiry is the session's
 * absolute lifetime, not Auth.js's idle expiry: a server component cannot
 * refresh a cookie, so an idle-length cookie would end an active session.
 * The idle timeout is enforced by the session row instead.
 */
export async function setSessionCookie(sessionToken: string, now = new Date()) {
  const { APP_URL, AUTH_SESSION_MAX_HOURS } = env();
  const { name, options } = sessionCookieOptions(APP_URL);
  (await cookies()).set(name, sessionToken, { ...options, expires: new Date(now.getTime() + AUTH_SESSION_MAX_HOURS * HOUR) });
}

/** Where to go after signing in: the private page that sent us to sign in, or the overview. Read once. */
export async function takeReturnPath(): Promise<string> {
  const jar = await cookies();
  const path = safeReturnPath(jar.get(RETURN_TO_COOKIE)?.value);
  jar.delete({ name: RETURN_TO_COOKIE, path: "/admin" });
  return path ?? PRIVATE_HOME_PATH;
}
