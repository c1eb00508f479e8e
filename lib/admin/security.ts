import "server-only";
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { passkeys } from "@/db/schema";
import { guardedOperation, guardedRead, refusal, saved } from "@/lib/auth/guarded-operation";
import { NOT_VERIFIED, TOO_LATE, credentialFrom, descriptor, passkeysOf, relyingParty, type RegistrationResponse } from "@/lib/auth/passkeys";
import { recordSecondFactor, replaceRecoveryCodes, storeChallenge, takeChallenge, unusedRecoveryCodes } from "@/lib/auth/second-factor";

/*
 * The Security room: her passkeys and recovery codes, through the door.
 * Proving a passkey while half signed in is the door's own step and stays
 * in lib/auth/passkeys.ts.
 */

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
    await recordSecondFactor(tx, therapist.sessionKey, now);
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

