import "server-only";
import { randomUUID } from "node:crypto";
import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { emailCodes } from "@/db/schema";
import { env } from "@/lib/env";
import { done, refused, type Outcome } from "@/lib/forms/outcome";
import { keyedHash, secretsMatch, sha256 } from "./hash";
import { hitClientRateLimit, type RateLimitRule } from "./rate-limit";
import { MINUTE } from "@/lib/time";

/*
 * The code step: a public form that needs a proven address emails a 6-digit
 * code and asks for it on the page where the address was typed, so the
 * visitor never leaves for her inbox's link and back. Booking uses it; any
 * form can, with its own `purpose` and a `subject` (the id of what waits for
 * the proof).
 */

/** How long a code can be typed. */
export const EMAIL_CODE_MINUTES = 10;
/** Wrong tries one code takes; then she asks for a new one. */
export const EMAIL_CODE_TRIES = 5;
/** Codes one step may send: the first and two new ones. */
export const EMAIL_CODE_ISSUES = 3;

/**
 * Tries from one client network (an IPv4 address, an IPv6 /64) in any hour,
 * whatever the step: with 5 a code and a million codes, a script that walks
 * steps still gets nowhere, and a person with two times held has room.
 */
export const codeTriesRule: RateLimitRule = { name: "email-code:try", max: 20, windowSeconds: 60 * 60 };
/** New codes asked for from one network in any hour. */
export const codeReissueRule: RateLimitRule = { name: "email-code:reissue", max: 6, windowSeconds: 60 * 60 };

/**
 * The key behind every code and step token, derived from AUTH_SECRET (which
 * production requires to be random), so a copy of the database alone opens
 * no step and names no code. Rotating AUTH_SECRET voids open codes: they last
 * ten minutes.
 */
function codeKey(): string {
  return createHmac("sha256", env().AUTH_SECRET).update("attune:email-code").digest("base64url");
}

/**
 * The code a step's `issue`-th email carries, derived when the email is sent
 * (as manage links are), so the outbox never stores a working code.
 */
export function emailCodeOf(codeId: string, issue: number): string {
  const digest = createHmac("sha256", codeKey()).update(`code:${codeId}:${issue}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, "0");
}

/** The token in the address of the page that asks for the code: 256 bits, 43 base64url characters (isIssuedToken). */
export function codeStepToken(codeId: string): string {
  return createHmac("sha256", codeKey()).update(`step:${codeId}`).digest("base64url");
}

function codeHash(codeId: string, code: string): string {
  return keyedHash(codeKey(), `${codeId}:${code}`);
}

/** What the caller puts in the email it queues, and where it sends the visitor. */
export type CodeStep = { codeId: string; issue: number; stepToken: string; expiresAt: Date };

/**
 * Opens the code step for `subject` in the caller's transaction, replacing
 * any earlier one for it. The caller queues the email with `codeId` and
 * `issue`, and sends the visitor to the page at `stepToken`.
 */
export async function issueEmailCode(tx: Transaction, { purpose, subject, now }: { purpose: string; subject: string; now: Date }): Promise<CodeStep> {
  const codeId = randomUUID();
  const expiresAt = new Date(now.getTime() + EMAIL_CODE_MINUTES * MINUTE);
  const stepToken = codeStepToken(codeId);
  await tx.delete(emailCodes).where(and(eq(emailCodes.purpose, purpose), eq(emailCodes.subject, subject)));
  await tx.insert(emailCodes).values({
    id: codeId,
    purpose,
    subject,
    stepTokenHash: sha256(stepToken),
    codeHash: codeHash(codeId, emailCodeOf(codeId, 1)),
    issue: 1,
    attempts: 0,
    expiresAt,
    createdAt: now,
  });
  return { codeId, issue: 1, stepToken, expiresAt };
}

/** The open step for `subject`, if any: where a resubmitted form sends the visitor again. */
export async function codeStepFor(executor: Database | Transaction, purpose: string, subject: string): Promise<CodeStep | null> {
  const [row] = await executor.select().from(emailCodes).where(and(eq(emailCodes.purpose, purpose), eq(emailCodes.subject, subject)));
  return row ? { codeId: row.id, issue: row.issue, stepToken: codeStepToken(row.id), expiresAt: row.expiresAt } : null;
}

/** What the code page may know of its step: whose it is and whether a code can still be typed. */
export type OpenCodeStep = { subject: string; expiresAt: Date; triesLeft: number; newCodesLeft: number };

export async function findCodeStep(executor: Database | Transaction, purpose: string, stepToken: string): Promise<OpenCodeStep | null> {
  const [row] = await executor.select().from(emailCodes).where(and(eq(emailCodes.purpose, purpose), eq(emailCodes.stepTokenHash, sha256(stepToken))));
  if (!row) return null;
  return { subject: row.subject, expiresAt: row.expiresAt, triesLeft: Math.max(0, EMAIL_CODE_TRIES - row.attempts), newCodesLeft: Math.max(0, EMAIL_CODE_ISSUES - row.issue) };
}

export type CodeRefusal = "too-many" | "gone" | "expired" | "spent" | "wrong";

export const emailCodeMessages = {
  tooMany: "Too many codes have been tried from your network in the last hour. Please wait a while, or use the link in the email instead.",
  gone: "This code can no longer be used. Please start again.",
  expired: `This code has expired: a code lasts ${EMAIL_CODE_MINUTES} minutes. Ask for a new code below.`,
  spent: "This code has been tried too many times. Ask for a new code below.",
  wrong: (triesLeft: number) =>
    triesLeft > 0
      ? `That is not the code we sent. Please check the email and try again (${triesLeft} ${triesLeft === 1 ? "try" : "tries"} left).`
      : "That is not the code we sent, and it was the last try for this code. Ask for a new code below.",
  reissueLimit: "No more new codes can be sent for this step. Please start again, or use the link in the email.",
  reissueTooMany: "Several new codes have been asked for from your network in the last hour. Please wait, or use the link in the email.",
} as const;

/** The step's row, locked for this transaction: tries and new codes on one step take turns. */
async function lockedStep(tx: Transaction, purpose: string, stepToken: string) {
  const [row] = await tx
    .select()
    .from(emailCodes)
    .where(and(eq(emailCodes.purpose, purpose), eq(emailCodes.stepTokenHash, sha256(stepToken))))
    .for("update");
  return row;
}

/**
 * Checks a typed code in the caller's transaction. Right: the step is spent
 * (deleted) and its subject returned, for the caller to act on in the same
 * transaction. Wrong: one of the code's tries is used, and the caller must
 * commit (return, not throw) so it stays used. Every try counts against the
 * client network first, and the comparison is of keyed hashes in constant time.
 */
export async function verifyEmailCode(
  tx: Transaction,
  { purpose, stepToken, code, now, ip }: { purpose: string; stepToken: string; code: string; now: Date; ip: string },
): Promise<Outcome<{ subject: string }, CodeRefusal>> {
  if (!(await hitClientRateLimit(codeTriesRule, ip, now, tx))) return refused("too-many", emailCodeMessages.tooMany);
  const row = await lockedStep(tx, purpose, stepToken);
  if (!row) return refused("gone", emailCodeMessages.gone);
  if (row.expiresAt <= now) return refused("expired", emailCodeMessages.expired);
  if (row.attempts >= EMAIL_CODE_TRIES) return refused("spent", emailCodeMessages.spent);
  if (!secretsMatch(codeHash(row.id, code), row.codeHash)) {
    const attempts = row.attempts + 1;
    await tx.update(emailCodes).set({ attempts }).where(eq(emailCodes.id, row.id));
    return refused("wrong", emailCodeMessages.wrong(EMAIL_CODE_TRIES - attempts));
  }
  await tx.delete(emailCodes).where(eq(emailCodes.id, row.id));
  return done({ subject: row.subject });
}

/**
 * A new code for an open step (the last expired, was mistyped five times, or
 * never came): the same page, a fresh code with fresh tries, the old code
 * void. Limited per step (EMAIL_CODE_ISSUES) and per network. The caller
 * queues the email with the returned `issue`.
 */
export async function reissueEmailCode(
  tx: Transaction,
  { purpose, stepToken, now, ip }: { purpose: string; stepToken: string; now: Date; ip: string },
): Promise<Outcome<CodeStep & { subject: string }, "gone" | "limit" | "too-many">> {
  const row = await lockedStep(tx, purpose, stepToken);
  if (!row) return refused("gone", emailCodeMessages.gone);
  if (row.issue >= EMAIL_CODE_ISSUES) return refused("limit", emailCodeMessages.reissueLimit);
  if (!(await hitClientRateLimit(codeReissueRule, ip, now, tx))) return refused("too-many", emailCodeMessages.reissueTooMany);
  const issue = row.issue + 1;
  const expiresAt = new Date(now.getTime() + EMAIL_CODE_MINUTES * MINUTE);
  await tx
    .update(emailCodes)
    .set({ issue, attempts: 0, expiresAt, codeHash: codeHash(row.id, emailCodeOf(row.id, issue)) })
    .where(eq(emailCodes.id, row.id));
  return done({ codeId: row.id, issue, stepToken, expiresAt, subject: row.subject });
}

/** Closes any step for `subject`: proven another way (the emailed link) or gone. */
export async function closeEmailCodeStep(executor: Database | Transaction, purpose: string, subject: string): Promise<void> {
  await executor.delete(emailCodes).where(and(eq(emailCodes.purpose, purpose), eq(emailCodes.subject, subject)));
}
