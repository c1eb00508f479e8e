import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { randomInt } from "node:crypto";
import { getDb, type Database, type Transaction } from "@/db/client";
import { passkeys, recoveryCodes, sessions, users, webauthnChallenges } from "@/db/schema";
import { env } from "@/lib/env";
import { keyedHash, randomToken } from "@/lib/security/hash";
import { type RateLimitRule, hitRateLimit, takeBackRateLimitHit } from "@/lib/security/rate-limit";
import { storedSessionKey } from "./session-key";
import { halfSignedInOperation, refusal, saved } from "./guarded-operation";
import { recoveryCodeSchema } from "./recovery-code-schema";
import { setSessionCookie } from "./session-cookie";

/** How long a passkey prompt may stay open before its challenge is refused. */
export const CHALLENGE_MINUTES = 5;
export const RECOVERY_CODE_COUNT = 10;

/** Crockford's base32 without its look-alikes' doubles: 10 characters are 50 bits. */
const CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

type Executor = Database | Transaction;

/** Whether the therapist at `email` has registered a passkey, so a link alone cannot sign her in. */
export async function hasPasskey(email: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(passkeys).innerJoin(users, eq(users.id, passkeys.userId)).where(eq(users.email, email));
  return (row?.n ?? 0) > 0;
}

/** Stores the challenge a passkey prompt must sign, replacing any earlier one of this session and purpose. */
export async function storeChallenge(sessionKey: string, purpose: "register" | "authenticate", challenge: string, now = new Date()) {
  const db = await getDb();
  const expires = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  await db
    .insert(webauthnChallenges)
    .values({ sessionToken: sessionKey, purpose, challenge, expires })
    .onConflictDoUpdate({ target: [webauthnChallenges.sessionToken, webauthnChallenges.purpose], set: { challenge, expires } });
}

/** Takes the session's challenge: deleted whatever the answer turns out to be (single use), null once expired. */
export async function takeChallenge(sessionKey: string, purpose: "register" | "authenticate", now = new Date()): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.sessionToken, sessionKey), eq(webauthnChallenges.purpose, purpose)))
    .returning();
  return row && row.expires.getTime() > now.getTime() ? row.challenge : null;
}

/**
 * Marks a session that is already fully in as having proved the second
 * factor too (it made the passkey), so registering the first passkey does
 * not send this browser to its own passkey prompt. Its id is not new: it was
 * never half signed in.
 */
export async function recordSecondFactor(tx: Executor, sessionKey: string, now = new Date()) {
  await tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.sessionToken, sessionKey));
}

/**
 * Finishes a half-signed-in session: marks it fully signed in, under a new session id:
 * the id the emailed link gave a half-signed-in browser is not the one that
 * holds the private area, so an id seen before the second factor (a shared
 * computer, a planted cookie) is worth nothing after it. Returns the new
 * cookie value, for the caller to set once its transaction has committed.
 * The row keeps its createdAt, so the absolute lifetime still counts from
 * the link.
 */
export async function completeSecondFactor(tx: Executor, sessionKey: string, now = new Date()): Promise<string> {
  const sessionToken = randomToken();
  // The challenges hang on the old id (no ON UPDATE CASCADE); the one that mattered is already spent.
  await tx.delete(webauthnChallenges).where(eq(webauthnChallenges.sessionToken, sessionKey));
  await tx
    .update(sessions)
    .set({ sessionToken: storedSessionKey(env().AUTH_SECRET, sessionToken), secondFactorAt: now })
    .where(eq(sessions.sessionToken, sessionKey));
  return sessionToken;
}

/**
 * Wrong recovery codes allowed in any 15 minutes, counted for the browser's
 * session and for the address: guessing a 50-bit code five times a quarter
 * hour is hopeless, and a new session (another emailed link) starts no new
 * count.
 */
export const recoveryCodeTriesPerSession: RateLimitRule = { name: "recovery-code:session", max: 5, windowSeconds: 15 * 60 };
export const recoveryCodeTriesPerAddress: RateLimitRule = { name: "recovery-code:address", max: 5, windowSeconds: 15 * 60 };
export const TOO_MANY_RECOVERY_CODES = `Too many codes that did not match were typed. Please wait 15 minutes and try again, or use your passkey.`;

/** The one stored form of a code: case, spaces and hyphens do not matter. Keyed, so a copy of the table finds none. */
function recoveryCodeHash(code: string) {
  const normalised = code.toLowerCase().replace(/[\s-]/g, "");
  return keyedHash(env().AUTH_SECRET, `recovery-code:${normalised}`);
}

/** A fresh set of recovery codes, replacing every earlier one; the codes are returned to be shown once and never stored. */
export async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const characters = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
    return `${characters.slice(0, 5)}-${characters.slice(5)}`;
  });
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })));
  return codes;
}

export async function unusedRecoveryCodes(tx: Executor, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/**
 * Finishes a half-signed-in session with a recovery code instead of the
 * passkey. Each code works once: the update that marks it used is the check,
 * so two tabs cannot both spend it. Every try is first counted against the
 * session's and the address's limits (so a try past them is not even
 * checked), and a code that works takes its count back: only wrong codes
 * are limited, and each one is in the audit log. Tries refused by the limit
 * are not logged one by one, so a script cannot fill the log.
 */
export const signInWithRecoveryCode = halfSignedInOperation(recoveryCodeSchema, async ({ code }, { therapist, audit }) => {
  const db = await getDb();
  const now = new Date();
  const limits = [
    [recoveryCodeTriesPerSession, therapist.sessionKey],
    [recoveryCodeTriesPerAddress, therapist.email],
  ] as const;
  const outcome = await db.transaction(async (tx) => {
    const counted: (typeof limits)[number][] = [];
    for (const limit of limits) {
      if (await hitRateLimit(limit[0], limit[1], now, tx)) counted.push(limit);
    }
    const takeBack = async () => {
      for (const [rule, subject] of counted) await takeBackRateLimitHit(rule, subject, now, tx);
    };
    if (counted.length < limits.length) {
      await takeBack();
      return { status: "too-many" } as const;
    }
    const [used] = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, therapist.userId), eq(recoveryCodes.codeHash, recoveryCodeHash(code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (!used) {
      await audit({ action: "recovery-code-refused", subjectType: "session" }, tx);
      return { status: "wrong" } as const;
    }
    await takeBack();
    const sessionToken = await completeSecondFactor(tx, therapist.sessionKey, now);
    const remaining = await unusedRecoveryCodes(tx, therapist.userId);
    await audit({ action: "recovery-code-used", subjectType: "session", detail: { remaining } }, tx);
    return { status: "spent", remaining, sessionToken } as const;
  });
  if (outcome.status === "too-many") return refusal({ fieldErrors: { code: [TOO_MANY_RECOVERY_CODES] } });
  if (outcome.status === "wrong") return refusal({ fieldErrors: { code: ["That is not one of your unused recovery codes. Each code works once."] } });
  await setSessionCookie(outcome.sessionToken, now);
  return saved(`Signed in with a recovery code. ${outcome.remaining} unused codes are left.`);
});
