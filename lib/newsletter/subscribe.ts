import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { subscribers, type Subscriber } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { enqueueToUnverified } from "@/lib/email/unverified";
import type { FormResult } from "@/lib/forms/form-result";
import { perHour, publicForm } from "@/lib/forms/public-form";
import { emailLibraryLink } from "./library";
import { CONFIRM_LINK_DAYS, RESEND_AFTER_MINUTES, confirmToken, confirmUrl, daysFrom, tokenHash, unsubscribeToken } from "./links";
import { subscribeFields, subscribeSchema, type SignupSource, type SubscribeField } from "./schema";

export const subscribeForm = publicForm({ name: "subscribe", schema: subscribeSchema, fields: subscribeFields, limits: { perIp: perHour(10), perAddress: perHour(5) } });
export type SubscribeFormState = FormResult<SubscribeField>;

type Signup = { email: string; firstName?: string; source: SignupSource };

/**
 * A signup from any of the forms. Whatever the address's state (new,
 * pending, confirmed, unsubscribed, or suppressed after a bounce) the answer
 * is the same "check your inbox", so the form tells no one who is on the list;
 * except when the confirmation was held back (lib/email/unverified.ts): then
 * the answer says no email was sent rather than send her to an empty inbox.
 */
export const subscribe = subscribeForm.handle(async (signup, { now, ip }) => {
  const sent = await recordSignup({ email: signup.email, firstName: signup.firstName, source: (signup.source ?? "newsletter") as SignupSource }, now, ip);
  return sent === "held back" ? ({ status: "success", emailHeldBack: true } as const) : ({ status: "success" } as const);
});

/** Whether the confirmation this signup needed was held back; anything else answers "check your inbox". */
async function recordSignup(signup: Signup, now: Date, ip: string): Promise<"held back" | "answered"> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Locks the address's row, so two signups at once send one email.
    const [existing] = await tx.select().from(subscribers).where(eq(subscribers.email, signup.email)).for("update");
    if (!existing) return newSignup(tx, signup, now, ip);
    if (existing.suppressedAt) return "answered";
    if (existing.status === "confirmed") {
      if (!sentRecently(existing.libraryLinkSentAt, now)) await emailLibraryLink(tx, existing, now, "newsletter-library-link");
      return "answered";
    }
    // Pending, or unsubscribed and asking again: double opt-in once more. What
    // this signup says (consent, notice, first name) waits beside the row and
    // is applied only when the link is used (confirm.ts): whoever typed the
    // address may not be its owner, and nothing stored about a person changes
    // on a stranger's word.
    if (sentRecently(existing.confirmationSentAt, now)) return "answered";
    return sendConfirmation(
      tx,
      existing,
      now,
      { pendingConsentNoticeVersion: practice.privacy.noticeVersion, pendingConsentedAt: now, pendingFirstName: signup.firstName ?? null },
      ip,
    );
  });
}

async function newSignup(tx: Transaction, signup: Signup, now: Date, ip: string): Promise<"held back" | "answered"> {
  const id = randomUUID();
  const token = confirmToken(id, now);
  const [created] = await tx
    .insert(subscribers)
    .values({
      id,
      email: signup.email,
      firstName: signup.firstName ?? null,
      source: signup.source,
      status: "pending",
      consentNoticeVersion: practice.privacy.noticeVersion,
      consentedAt: now,
      confirmTokenHash: tokenHash(token),
      confirmTokenExpiresAt: daysFrom(now, CONFIRM_LINK_DAYS),
      confirmTokenIssuedAt: now,
      confirmationSentAt: now,
      unsubscribeTokenHash: tokenHash(unsubscribeToken(id)),
      createdAt: now,
    })
    // A signup for the same address committed first: it sent the email.
    .onConflictDoNothing({ target: subscribers.email })
    .returning({ id: subscribers.id });
  if (!created) return "answered";
  const queued = await enqueueToUnverified(tx, { to: signup.email, template: "newsletter-confirmation", props: { confirmUrl: confirmUrl(token), validDays: CONFIRM_LINK_DAYS } }, now, ip);
  return queued ? "answered" : heldBack(tx, created.id);
}

/**
 * Emails the confirmation link again, open for another CONFIRM_LINK_DAYS.
 * While the link already sent is open it is the one re-sent, so whoever
 * signed up again (perhaps not the owner) voids nothing; once it has lapsed,
 * or was never derived (a link from before confirmToken), a new one takes
 * its place.
 */
async function sendConfirmation(tx: Transaction, subscriber: Subscriber, now: Date, changes: Partial<Subscriber>, ip: string): Promise<"held back" | "answered"> {
  const issuedAt = openLinkIssuedAt(subscriber, now) ?? now;
  const token = confirmToken(subscriber.id, issuedAt);
  await tx
    .update(subscribers)
    .set({
      ...changes,
      confirmTokenHash: tokenHash(token),
      confirmTokenExpiresAt: daysFrom(now, CONFIRM_LINK_DAYS),
      confirmTokenIssuedAt: issuedAt,
      confirmationSentAt: now,
    })
    .where(eq(subscribers.id, subscriber.id));
  const queued = await enqueueToUnverified(tx, { to: subscriber.email, template: "newsletter-confirmation", props: { confirmUrl: confirmUrl(token), validDays: CONFIRM_LINK_DAYS } }, now, ip);
  return queued ? "answered" : heldBack(tx, subscriber.id);
}

/** Nothing was sent, so a signup again in a few minutes is not told "we sent it just now": it tries to send. */
async function heldBack(tx: Transaction, subscriberId: string): Promise<"held back"> {
  await tx.update(subscribers).set({ confirmationSentAt: null }).where(eq(subscribers.id, subscriberId));
  return "held back";
}

/** When the subscriber's confirmation link was made, if it is still open and can be derived again. */
function openLinkIssuedAt(subscriber: Subscriber, now: Date): Date | null {
  const { confirmTokenHash, confirmTokenExpiresAt, confirmTokenIssuedAt } = subscriber;
  if (!confirmTokenHash || !confirmTokenExpiresAt || !confirmTokenIssuedAt || confirmTokenExpiresAt <= now) return null;
  return confirmTokenHash === tokenHash(confirmToken(subscriber.id, confirmTokenIssuedAt)) ? confirmTokenIssuedAt : null;
}

function sentRecently(at: Date | null, now: Date): boolean {
  return at !== null && now.getTime() - at.getTime() < RESEND_AFTER_MINUTES * 60 * 1000;
}
