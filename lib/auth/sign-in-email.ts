import "server-only";
import type { Transaction } from "@/db/client";
import { enqueueEmail } from "@/lib/email/outbox";
import { siteUrl } from "@/lib/env";

export const SIGN_IN_LINK_MINUTES = 10;

/**
 * The link points at our own confirmation page, never at Auth.js's callback:
 * opening it (as a mail scanner would) spends nothing; only the page's POST
 * does. The token is a path segment, not a query parameter, and the address
 * is not in the URL at all: the page finds it from the token's hash.
 */
export function signInUrl(token: string) {
  return siteUrl(`/admin/sign-in/confirm/${encodeURIComponent(token)}`);
}

export async function queueSignInEmail(tx: Transaction, to: string, token: string) {
  return enqueueEmail(tx, { to, template: "sign-in-link", props: { signInUrl: signInUrl(token), validMinutes: SIGN_IN_LINK_MINUTES } });
}
