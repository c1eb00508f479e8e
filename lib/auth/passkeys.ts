import "server-only";
import { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { passkeys } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { practice } from "@/lib/practice/practice";
import { guardedOperation, guardedRead, refusal, saved } from "./guarded-operation";
import { requireHalfSignedIn } from "./guards";
import { completeSecondFactor, replaceRecoveryCodes, storeChallenge, takeChallenge, unusedRecoveryCodes } from "./second-factor";

type RegistrationResponse = Parameters<typeof verifyRegistrationResponse>[0]["response"];
type AuthenticationResponse = Parameters<typeof verifyAuthenticationResponse>[0]["response"];
type Transport = NonNullable<RegistrationResponse["response"]["transports"]>[number];

/** The relying party is the site itself: its host from APP_URL, and only its origin may answer. */
export function relyingParty() {
  const url = new URL(env().APP_URL);
  return { rpID: url.hostname, origin: url.origin, rpName: practice.name };
}

/** A browser's answer as the form carried it (JSON text), or null when it is not one. */
function credentialFrom<T>(text: string): T | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string" ? (value as T) : null;
  } catch {
    return null;
  }
}

async function passkeysOf(userId: string) {
  const db = await getDb();
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt));
}

const descriptor = (passkey: { credentialId: string; transports: string[] | null }) => ({
  id: isoBase64URL.toBuffer(passkey.credentialId),
  type: "public-key" as const,
  transports: (passkey.transports ?? undefined) as Transport[] | undefined,
});

/** The Security room's list: names and dates only. */
export const listPasskeys = guardedRead(async ({ therapist }) => {
  const mine = await passkeysOf(therapist.userId);
  const db = await getDb();
  return {
    passkeys: mine.map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt })),
    unusedRecoveryCodes: await unusedRecoveryCodes(db, therapist.userId),
  };
});

/** What the browser needs to make a passkey for this site, with a challenge stored for this session. */
export const passkeyRegistrationOptions = guardedRead(async ({ therapist }) => {
  const { rpID, rpName } = relyingParty();
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userID: therapist.userId,
    userName: therapist.email,
    attestationType: "none",
    excludeCredentials: (await passkeysOf(therapist.userId)).map(descriptor),
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  });
  await storeChallenge(therapist.sessionKey, "register", options.challenge);
  return options;
});

const NOT_VERIFIED = "Your device's answer could not be checked. Please try again.";
const TOO_LATE = "That took too long, or the prompt was already answered. Please try again.";

export const registerPasskeySchema = z.object({
  response: z.string().min(1, NOT_VERIFIED).max(20_000, NOT_VERIFIED),
  name: z.string().trim().max(60, "Please keep the name under 60 characters.").optional(),
});

/**
 * Stores the passkey the browser made, if it answers this session's
 * challenge for this site. The first passkey (or one added after every
 * code was used) comes with a new set of recovery codes, returned once to
 * be shown once; only their hashes are kept.
 */
export const registerPasskey = guardedOperation(registerPasskeySchema, async ({ response, name }, { therapist, audit }) => {
  const challenge = await takeChallenge(therapist.sessionKey, "register");
  if (!challenge) return refusal({ formError: TOO_LATE });
  const credential = credentialFrom<RegistrationResponse>(response);
  if (!credential) return refusal({ formError: NOT_VERIFIED });
  const { rpID, origin } = relyingParty();
  const verification = await verifyRegistrationResponse({ response: credential, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true }).catch(() => null);
  const info = verification?.verified ? verification.registrationInfo : undefined;
  if (!info) return refusal({ formError: NOT_VERIFIED });
  const now = new Date();
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [added] = await tx
      .insert(passkeys)
      .values({
        userId: therapist.userId,
        credentialId: isoBase64URL.fromBuffer(info.credentialID),
        publicKey: isoBase64URL.fromBuffer(info.credentialPublicKey),
        counter: info.counter,
        transports: credential.response.transports ?? null,
        name: name || `Passkey added ${now.toISOString().slice(0, 10)}`,
      })
      .onConflictDoNothing()
      .returning({ id: passkeys.id });
    if (!added) return null;
    // Making a passkey on this device proves it as well as using one would.
    await completeSecondFactor(tx, therapist.sessionKey, now);
    const recoveryCodes = (await unusedRecoveryCodes(tx, therapist.userId)) === 0 ? await replaceRecoveryCodes(tx, therapist.userId) : [];
    await audit({ action: "passkey-registered", subjectType: "passkey", subjectId: added.id }, tx);
    return { recoveryCodes };
  });
  if (!outcome) return refusal({ formError: "This passkey is registered already." });
  return saved("Passkey added.", outcome);
});

export const removePasskey = guardedOperation(z.object({ id: z.uuid("That passkey was not found.") }), async ({ id }, { therapist, audit }) => {
  const db = await getDb();
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, therapist.userId))).returning({ id: passkeys.id });
    if (!row) return false;
    await audit({ action: "passkey-removed", subjectType: "passkey", subjectId: id }, tx);
    return true;
  });
  if (!removed) return refusal({ formError: "That passkey was removed already." });
  return saved("Passkey removed.");
});

/** A new set of ten codes, for when the old ones are used up or may have been seen. */
export const makeNewRecoveryCodes = guardedOperation(z.object({}), async (_input, { therapist, audit }) => {
  if ((await passkeysOf(therapist.userId)).length === 0) return refusal({ formError: "Recovery codes stand in for a passkey: add a passkey first." });
  const db = await getDb();
  const recoveryCodes = await db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, therapist.userId);
    await audit({ action: "recovery-codes-replaced", subjectType: "session" }, tx);
    return codes;
  });
  return saved("New recovery codes made; the old ones no longer work.", { recoveryCodes });
});

/** What the browser needs to ask for one of the therapist's passkeys, with a challenge stored for this half-signed-in session. */
export async function passkeySignInOptions() {
  const therapist = await requireHalfSignedIn();
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: (await passkeysOf(therapist.userId)).map(descriptor),
    userVerification: "required",
  });
  await storeChallenge(therapist.sessionKey, "authenticate", options.challenge);
  return options;
}

export type PasskeySignInResult = { status: "verified" } | { status: "refused"; message: string };

/** Finishes a half-signed-in session with the passkey's answer to this session's challenge. */
export async function verifyPasskeySignIn(response: unknown): Promise<PasskeySignInResult> {
  const therapist = await requireHalfSignedIn();
  const challenge = await takeChallenge(therapist.sessionKey, "authenticate");
  if (!challenge) return { status: "refused", message: TOO_LATE };
  const credential = typeof response === "string" ? credentialFrom<AuthenticationResponse>(response) : null;
  const passkey = credential && (await passkeysOf(therapist.userId)).find((candidate) => candidate.credentialId === credential.id);
  if (!credential || !passkey) return { status: "refused", message: NOT_VERIFIED };
  const { rpID, origin } = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response: credential,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
    authenticator: { credentialID: isoBase64URL.toBuffer(passkey.credentialId), credentialPublicKey: isoBase64URL.toBuffer(passkey.publicKey), counter: passkey.counter },
  }).catch(() => null);
  if (!verification?.verified) return { status: "refused", message: NOT_VERIFIED };
  const now = new Date();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(passkeys).set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: now }).where(eq(passkeys.id, passkey.id));
    await completeSecondFactor(tx, therapist.sessionKey, now);
    await recordAuditEvent(tx, { actor: therapist.email, action: "passkey-used", subjectType: "passkey", subjectId: passkey.id });
  });
  return { status: "verified" };
}
