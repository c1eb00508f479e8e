import { createHmac } from "node:crypto";

/**
 * The key a session row is stored under: HMAC(AUTH_SECRET, cookie value).
 * Kept apart from the adapter (and free of server-only) so the end-to-end
 * fixture that writes session rows computes it the same way.
 */
export function storedSessionKey(secret: string, sessionToken: string) {
  return createHmac("sha256", secret).update(`session:${sessionToken}`).digest("base64url");
}
