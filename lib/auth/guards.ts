import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { passkeys, sessions } from "@/db/schema";
import { env } from "@/lib/env";
import { PRIVATE_HOME_PATH, SECOND_FACTOR_PATH, SIGN_IN_PATH, sessionCookieOptions } from "./auth.config";
import { auth } from "./auth";
import { storedSessionKey } from "./session-key";
import { isTherapistEmail } from "./therapists";

/** Only this module can name the brand, so only the guards below can make a Therapist. */
declare const admittedByTheGuard: unique symbol;

/**
 * The therapist, and the key of the session row she is signed in with
 * (challenges and the second factor hang on it). Branded: a value of this
 * type exists only because requireTherapist() or requireHalfSignedIn() let
 * her in, so every private function that takes one is proved, by the type
 * checker, to have been reached through the door. An object of the same
 * fields made anywhere else does not type-check as a Therapist
 * (lib/auth/therapist-brand.test.ts).
 */
export type Therapist = { readonly email: string; readonly userId: string; readonly sessionKey: string; readonly [admittedByTheGuard]: true };

function admit(who: { email: string; userId: string; sessionKey: string }): Therapist {
  return who as Therapist;
}

/**
 * A therapist's session and how far it is signed in. While she has a
 * passkey, a session opened by an emailed link is "pending" until this
 * browser proves the passkey or spends a recovery code; without a passkey
 * the link alone signs her in, as it always did. Passkeys are counted at
 * every request, so registering the first one also asks every other
 * browser she is signed in on for it.
 */
type SignIn = { therapist: Therapist; secondFactor: "done" | "pending" };

async function currentSignIn(): Promise<SignIn | null> {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null } | undefined;
  if (!user?.id || !isTherapistEmail(user.email)) return null;
  const { APP_URL, AUTH_SECRET } = env();
  const cookie = (await cookies()).get(sessionCookieOptions(APP_URL).name)?.value;
  if (!cookie) return null;
  const sessionKey = storedSessionKey(AUTH_SECRET, cookie);
  const db = await getDb();
  const [row] = await db
    .select({
      secondFactorAt: sessions.secondFactorAt,
      hasPasskey: sql<boolean>`exists (select 1 from ${passkeys} where ${passkeys.userId} = ${user.id})`,
    })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, sessionKey), eq(sessions.userId, user.id)));
  if (!row) return null;
  const secondFactor = row.hasPasskey && !row.secondFactorAt ? "pending" : "done";
  return { therapist: admit({ email: user.email, userId: user.id, sessionKey }), secondFactor };
}

/**
 * The signed-in therapist, or null. A session alone is not enough: its
 * address must be in THERAPIST_EMAILS now, so removing an address ends that
 * person's access at their next request, and a session still waiting for
 * its passkey is not signed in. Reads the session cookie only, so no other
 * request header (x-middleware-subrequest included) changes the answer.
 */
export async function currentTherapist(): Promise<Therapist | null> {
  const signIn = await currentSignIn();
  return signIn?.secondFactor === "done" ? signIn.therapist : null;
}

/**
 * The gate of the private area. Every private read and write in lib/ calls
 * this first; pages, actions and proxy.ts add nothing it relies on. Anyone
 * else is sent to the sign-in page (a redirect in pages, route handlers and
 * server actions alike); a half-signed-in session, to its passkey.
 */
export async function requireTherapist(): Promise<Therapist> {
  const signIn = await currentSignIn();
  if (!signIn) redirect(SIGN_IN_PATH);
  if (signIn.secondFactor === "pending") redirect(SECOND_FACTOR_PATH);
  return signIn.therapist;
}

/**
 * The gate of the second-factor page and its actions: a session opened by
 * the emailed link and still waiting for its passkey. Nobody else has
 * anything to prove there.
 */
export async function requireHalfSignedIn(): Promise<Therapist> {
  const signIn = await currentSignIn();
  if (!signIn) redirect(SIGN_IN_PATH);
  if (signIn.secondFactor === "done") redirect(PRIVATE_HOME_PATH);
  return signIn.therapist;
}
