import "server-only";
import { Auth, raw, skipCSRFCheck } from "@auth/core";
import { AuthError } from "@auth/core/errors";
import { and, eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import { getDb } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { env, siteUrl } from "@/lib/env";
import type { FormResult } from "@/lib/forms/form-result";
import { perHour, publicForm } from "@/lib/forms/public-form";
import { randomToken } from "@/lib/security/hash";
import { isIssuedToken } from "@/lib/security/issued-token";
import { AUTH_BASE_PATH } from "./auth.config";
import { authConfig } from "./auth";
import { SIGN_IN_LINK_MINUTES, queueSignInEmail } from "./sign-in-email";
import { signInFields, signInSchema, type SignInField } from "./sign-in-schema";
import { isTherapistEmail } from "./therapists";

/**
 * One link a minute per address, from anyone: a short cooldown rather than an
 * hourly count, so nobody can lock the therapist out by asking for her links
 * from many IPs; each request a stranger makes only sends her one more
 * working link.
 */
export const signInCooldownSeconds = () => env().SIGN_IN_COOLDOWN_SECONDS;

export const signInForm = publicForm({
  name: "sign-in",
  schema: signInSchema,
  fields: signInFields,
  limits: { perIp: perHour(10), perAddress: () => ({ max: 1, windowSeconds: signInCooldownSeconds() }) },
  tooManyForAddress: "A link was sent to this address less than a minute ago. Please look in your inbox, or wait a minute and ask again.",
});
export type SignInFormState = FormResult<SignInField>;

/** How Auth.js stores a link's token (its `createHash(token + secret)`), so Auth.js can spend what we stored. */
function storedTokenFor(token: string) {
  return createHash("sha256").update(`${token}${env().AUTH_SECRET}`).digest("hex");
}

/**
 * Asks for a sign-in link. Every address that passes the form's checks gets
 * the same answer; only a configured therapist's gets an email. The rate
 * limits and the allowlist come before anything is stored, and the link's
 * token and its email are written in one transaction.
 *
 * An earlier link still waiting in her inbox keeps working until it is used
 * or expires (retention.ts removes expired ones): a stranger's request never
 * voids hers. An unknown address takes the same path, token, hash and
 * transaction, with a row written and removed in place of the link and its
 * email, so the time of the answer does not tell who is a therapist.
 */
export const requestSignInLink = signInForm.handle(async ({ email }, { now }) => {
  const known = isTherapistEmail(email);
  const token = randomToken();
  const stored = storedTokenFor(token);
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (known) {
      await tx.insert(verificationTokens).values({ identifier: email, token: stored, expires: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000) });
      await queueSignInEmail(tx, email, token);
    } else {
      // Already expired and gone before the commit: nothing is stored, nothing can sign in.
      await tx.insert(verificationTokens).values({ identifier: UNKNOWN_ADDRESS, token: stored, expires: now });
      await tx.delete(verificationTokens).where(and(eq(verificationTokens.identifier, UNKNOWN_ADDRESS), eq(verificationTokens.token, stored)));
    }
  });
  return { status: "success" } as const;
});

/** Not an address, so no link can ever be made for it. */
const UNKNOWN_ADDRESS = "(unknown address)";

async function findSignInLink(token: string) {
  if (!isIssuedToken(token)) return undefined;
  const db = await getDb();
  const [link] = await db.select().from(verificationTokens).where(eq(verificationTokens.token, storedTokenFor(token)));
  return link;
}

export type SignInLinkState = "valid" | "expired" | "invalid";

/** What the page a link opens should say. Reads only: opening the link spends nothing. */
export async function inspectSignInLink(token: string, now = new Date()): Promise<SignInLinkState> {
  const link = await findSignInLink(token);
  if (!link) return "invalid";
  return link.expires.getTime() <= now.getTime() ? "expired" : "valid";
}

export type SpentSignInLink = { status: "signed-in"; sessionToken: string; email: string } | { status: "expired" | "invalid" };

/**
 * Spends a link: Auth.js checks and deletes the token (once only), checks the
 * allowlist again, and creates the session. Called from the confirmation
 * page's POST. Auth.js is called in-process; its HTTP endpoints are never
 * exposed, so neither a GET of the callback nor its sign-in form exists.
 */
export async function spendSignInLink(token: string): Promise<SpentSignInLink> {
  const link = await findSignInLink(token);
  if (!link) return { status: "invalid" };
  if (link.expires.getTime() <= Date.now()) return { status: "expired" };

  const config = await authConfig();
  const callback = new URL(siteUrl(`${AUTH_BASE_PATH}/callback/email`));
  callback.searchParams.set("token", token);
  callback.searchParams.set("email", link.identifier);
  const request = new Request(callback, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ callbackUrl: "/admin" }),
  });
  try {
    const response = await Auth(request, { ...config, raw, skipCSRFCheck });
    const sessionCookieName = config.cookies?.sessionToken?.name;
    const cookie = response.cookies?.find((candidate) => candidate.name === sessionCookieName && candidate.value);
    if (!cookie) return { status: "invalid" };
    const db = await getDb();
    await recordAuditEvent(db, { actor: link.identifier, action: "sign-in", subjectType: "session" });
    return { status: "signed-in", sessionToken: cookie.value, email: link.identifier };
  } catch (error) {
    // Spent a moment ago in another tab, or the address was removed from THERAPIST_EMAILS.
    if (error instanceof AuthError) return { status: "invalid" };
    throw error;
  }
}
