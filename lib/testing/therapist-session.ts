import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { passkeys, sessions, users } from "@/db/schema";
import { storedSessionKey } from "@/lib/auth/session-key";
import { randomToken } from "@/lib/security/hash";
import { env } from "@/lib/env";
import { request } from "./request-scope";

export const THERAPIST = "maya@stillwater.example";

/**
 * Signs `email` in for the next calls by writing a user and a session row
 * the way Auth.js and lib/auth/session-adapter.ts would, and putting the
 * cookie into the fake request. Whether the guard then accepts it is the
 * point of the tests that use it.
 */
export async function signInAs(email: string, { createdAt = new Date(), expires }: { createdAt?: Date; expires?: Date } = {}) {
  const db = await getDb();
  const [existing] = await db.select().from(users).where(eq(users.email, email));
  const user = existing ?? (await db.insert(users).values({ email, emailVerified: new Date() }).returning())[0]!;
  const sessionToken = randomToken();
  await db.insert(sessions).values({
    sessionToken: storedSessionKey(env().AUTH_SECRET, sessionToken),
    userId: user.id,
    expires: expires ?? new Date(Date.now() + env().AUTH_SESSION_IDLE_MINUTES * 60_000),
    createdAt,
  });
  request.cookies.set("attune.session", sessionToken);
  return { sessionToken, userId: user.id };
}

/**
 * A therapist with a passkey whose session was opened by the emailed link
 * and has not yet proved the passkey: half signed in. The passkey row is a
 * stand-in (no real key); lib/testing/virtual-authenticator.ts makes real ones.
 */
export async function signInHalfway(email: string) {
  const signedIn = await signInAs(email);
  const db = await getDb();
  await db.insert(passkeys).values({ userId: signedIn.userId, credentialId: randomToken(), publicKey: randomToken(), name: "Stand-in" });
  return signedIn;
}
