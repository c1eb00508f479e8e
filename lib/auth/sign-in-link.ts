import "server-only";
import { Auth, raw, skipCSRFCheck } from "@auth/core";
import { AuthError } from "@auth/core/errors";
import { eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import { getDb } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { env } from "@/lib/env";
import type { FormResult } from "@/lib/forms/form-result";
import { perHour, publicForm, type SubmitContext } from "@/lib/forms/public-form";
import { randomToken } from "@/lib/security/hash";
import { AUTH_BASE_PATH } from "./auth.config";
import { authConfig } from "./auth";
import { SIGN_IN_LINK_MINUTES, queueSignInEmail } from "./sign-in-email";
import { signInFields, signInSchema, type SignInField } from "./sign-in-schema";
import { isTherapistEmail } from "./therapists";

export const signInForm = publicForm({ name: "sign-in", schema: signInSchema, fields: signInFields, limits: { perIp: perHour(10), perAddress: perHour(5) } });
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
 */
export async function requestSignInLink(input: unknown, context: SubmitContext): Promise<SignInFormState> {
  return signInForm.submit(input, context, async ({ email }, { now }) => {
    if (!isTherapistEmail(email)) return { status: "success" } as const;
    const token = randomToken();
    const db = await getDb();
    await db.transaction(async (tx) => {
      // A new link replaces any earlier one still waiting in the inbox.
      await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
      await tx.insert(verificationTokens).values({
        identifier: email,
        token: storedTokenFor(token),
        expires: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
      });
      await queueSignInEmail(tx, email, token);
    });
    return { status: "success" } as const;
  });
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

async function findSignInLink(token: string) {
  if (!TOKEN_SHAPE.test(token)) return undefined;
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
  const callback = new URL(`${AUTH_BASE_PATH}/callback/email`, env().APP_URL);
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
