/**
 * The part of the Auth.js configuration that needs neither the database nor
 * Node's crypto, so proxy.ts can share its names and paths. The full
 * configuration is lib/auth/auth.ts.
 */

export const SIGN_IN_PATH = "/admin/sign-in";
export const CHECK_EMAIL_PATH = "/admin/sign-in/check-email";
export const SIGNED_OUT_PATH = "/admin/signed-out";
/** Where a session opened by an emailed link waits for the therapist's passkey (or a recovery code). */
export const SECOND_FACTOR_PATH = "/admin/sign-in/passkey";
export const PRIVATE_HOME_PATH = "/admin";

/** Auth.js builds its internal request URLs under this path; no route answers there. */
export const AUTH_BASE_PATH = "/api/auth";

/**
 * Over HTTPS the cookie is `__Host-` prefixed: the browser then insists on
 * Secure, Path=/ and no Domain, so no subdomain can plant or read it. Plain
 * http is only ever localhost in development and tests.
 */
export function sessionCookieName(secure: boolean) {
  return secure ? "__Host-attune.session" : "attune.session";
}

export const SESSION_COOKIE_NAMES = [sessionCookieName(true), sessionCookieName(false)] as const;

/**
 * Where a private link that needed a sign-in first was heading, so that the
 * link in a "new message" email lands on that message after the sign-in. A
 * cookie rather than a query parameter: record ids stay out of URLs that
 * reach logs.
 */
export const RETURN_TO_COOKIE = "attune.return-to";
export const RETURN_TO_MAX_AGE_SECONDS = 15 * 60;

/** A private path we are willing to send someone back to after signing in; anything else is null. */
export function safeReturnPath(value: string | undefined | null): string | null {
  if (!value || value.length > 200) return null;
  if (!/^\/admin(?:\/[A-Za-z0-9-]+)*$/.test(value)) return null;
  if (value === SIGN_IN_PATH || value.startsWith(`${SIGN_IN_PATH}/`) || value === SIGNED_OUT_PATH) return null;
  return value;
}

export function usesSecureCookies(appUrl: string) {
  return new URL(appUrl).protocol === "https:";
}

export function sessionCookieOptions(appUrl: string) {
  const secure = usesSecureCookies(appUrl);
  return {
    name: sessionCookieName(secure),
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
