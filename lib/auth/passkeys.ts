import "server-only";
import { generateAuthenticationOptions, verifyAuthenticationResponse, type verifyRegistrationResponse } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { passkeys } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { practice } from "@/lib/practice/practice";
import { requireHalfSignedIn } from "./guards";
import { completeSecondFactor, storeChallenge, takeChallenge } from "./second-factor";
import { setSessionCookie } from "./session-cookie";

export type RegistrationResponse = Parameters<typeof verifyRegistrationResponse>[0]["response"];
type AuthenticationResponse = Parameters<typeof verifyAuthenticationResponse>[0]["response"];
type Transport = NonNullable<RegistrationResponse["response"]["transports"]>[number];

/** The relying party is the site itself: its host from APP_URL, and only its origin may answer. */
export function relyingParty() {
  const url = new URL(env().APP_URL);
  return { rpID: url.hostname, origin: url.origin, rpName: practice.name };
}

/** A browser's answer as the form carried it (JSON text), or null when it is not one. */
export function credentialFrom<T>(text: string): T | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string" ? (value as T) : null;
  } catch {
    return null;
  }
}

export async function passkeysOf(userId: string) {
  const db = await getDb();
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt));
}

export const descriptor = (passkey: { credentialId: string; transports: string[] | null }) => ({
  id: isoBase64URL.toBuffer(passkey.credentialId),
  type: "public-key" as const,
  transports: (passkey.transports ?? undefined) as Transport[] | undefined,
});

export const NOT_VERIFIED = "Your device's answer could not be checked. Please try again.";
export const TOO_LATE = "That took too long, or the prompt was already answered. Please try again.";

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
  const sessionToken = await db.transaction(async (tx) => {
    await tx.update(passkeys).set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: now }).where(eq(passkeys.id, passkey.id));
    await recordAuditEvent(tx, { actor: therapist.email, action: "passkey-used", subjectType: "passkey", subjectId: passkey.id });
    return completeSecondFactor(tx, therapist.sessionKey, now);
  });
  await setSessionCookie(sessionToken, now);
  return { status: "verified" };
}
