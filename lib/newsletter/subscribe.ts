import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { subscribers, type Subscriber } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { enqueueToUnverified } from "@/lib/email/unverified";
import type { FormResult } from "@/lib/forms/form-result";
import { perHour, publicForm } from "@/lib/forms/public-form";
import { randomToken } from "@/lib/security/hash";
import { emailLibraryLink } from "./library";
import { CONFIRM_LINK_DAYS, RESEND_AFTER_MINUTES, confirmUrl, daysFrom, tokenHash, unsubscribeToken } from "./links";
import { subscribeFields, subscribeSchema, type SignupSource, type SubscribeField } from "./schema";

export const subscribeForm = publicForm({ name: "subscribe", schema: subscribeSchema, fields: subscribeFields, limits: { perIp: perHour(10), perAddress: perHour(5) } });
export type SubscribeFormState = FormResult<SubscribeField>;

type Signup = { email: string; firstName?: string; source: SignupSource };

/**
 * A signup from any of the forms. Whatever the address's state (new,
 * pending, confirmed, unsubscribed, or suppressed after a bounce) the answer
 * is the same "check your inbox", so the form tells no one who is on the list.
 */
export const subscribe = subscribeForm.handle(async (signup, { now }) => {
  await recordSignup({ email: signup.email, firstName: signup.firstName, source: (signup.source ?? "newsletter") as SignupSource }, now);
  return { status: "success" } as const;
});

async function recordSignup(signup: Signup, now: Date) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Locks the address's row, so two signups at once send one email.
    const [existing] = await tx.select().from(subscribers).where(eq(subscribers.email, signup.email)).for("update");
    if (!existing) return newSignup(tx, signup, now);
    if (existing.suppressedAt) return;
    if (existing.status === "confirmed") {
      if (!sentRecently(existing.libraryLinkSentAt, now)) await emailLibraryLink(tx, existing, now, "newsletter-library-link");
      return;
    }
    // Pending, or unsubscribed and asking again: double opt-in once more. What
    // this signup says (consent, notice, first name) waits beside the row and
    // is applied only when the link is used (confirm.ts): whoever typed the
    // address may not be its owner, and nothing stored about a person changes
    // on a stranger's word.
    if (sentRecently(existing.confirmationSentAt, now)) return;
    await sendConfirmation(tx, existing, now, {
      pendingConsentNoticeVersion: practice.privacy.noticeVersion,
      pendingConsentedAt: now,
      pendingFirstName: signup.firstName ?? null,
    });
  });
}

async function newSignup(tx: Transaction, signup: Signup, now: Date) {
  const id = randomUUID();
  const token = randomToken();
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
      confirmationSentAt: now,
      unsubscribeTokenHash: tokenHash(unsubscribeToken(id)),
      createdAt: now,
    })
    // A signup for the same address committed first: it sent the email.
    .onConflictDoNothing({ target: subscribers.email })
    .returning({ id: subscribers.id });
  if (!created) return;
  await enqueueToUnverified(tx, { to: signup.email, template: "newsletter-confirmation", props: { confirmUrl: confirmUrl(token), validDays: CONFIRM_LINK_DAYS } }, now);
}

/** A fresh confirmation link; the previous one stops working. */
async function sendConfirmation(tx: Transaction, subscriber: Subscriber, now: Date, changes: Partial<Subscriber>) {
  const token = randomToken();
  await tx
    .update(subscribers)
    .set({ ...changes, confirmTokenHash: tokenHash(token), confirmTokenExpiresAt: daysFrom(now, CONFIRM_LINK_DAYS), confirmationSentAt: now })
    .where(eq(subscribers.id, subscriber.id));
  await enqueueToUnverified(tx, { to: subscriber.email, template: "newsletter-confirmation", props: { confirmUrl: confirmUrl(token), validDays: CONFIRM_LINK_DAYS } }, now);
}

function sentRecently(at: Date | null, now: Date): boolean {
  return at !== null && now.getTime() - at.getTime() < RESEND_AFTER_MINUTES * 60 * 1000;
}
