import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { subscribers, type Subscriber } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { enqueueEmail } from "@/lib/email/outbox";
import type { FormState } from "@/lib/forms/form-state";
import { fieldErrorsFrom, readSubmittedForm, refused } from "@/lib/forms/parse-form";
import { randomToken } from "@/lib/security/hash";
import { hitRateLimit, type RateLimitRule } from "@/lib/security/rate-limit";
import { emailLibraryLink } from "./library";
import { CONFIRM_LINK_DAYS, RESEND_AFTER_MINUTES, confirmUrl, daysFrom, tokenHash, unsubscribeToken } from "./links";
import { normaliseEmail, subscribeFields, subscribeSchema, type SignupSource, type SubscribeField } from "./schema";

export const subscribeRateLimits = {
  perIp: { name: "subscribe:ip", max: 10, windowSeconds: 60 * 60 },
  perAddress: { name: "subscribe:address", max: 5, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export type SubscribeFormState = FormState<SubscribeField>;

const TOO_MANY = "We have received several signups from you in a short time, so this one was not sent. Please check your inbox, or try again in an hour.";

type Signup = { email: string; firstName?: string; source: SignupSource };

/**
 * A signup from any of the forms. Whatever the address's state (new,
 * pending, confirmed, unsubscribed, or suppressed after a bounce) the answer
 * is the same "check your inbox", so the form tells no one who is on the list.
 * Refusals all happen before the transaction and write nothing but their
 * rate-limit count.
 */
export async function subscribe(input: FormData | Record<string, unknown>, context: { ip: string; now?: Date }): Promise<SubscribeFormState> {
  const now = context.now ?? new Date();
  const form = readSubmittedForm(input);
  const refuse = (problems: Parameters<typeof refused<SubscribeField>>[2]) => refused(form.fields, subscribeFields, problems);

  if (!(await hitRateLimit(subscribeRateLimits.perIp, context.ip, now))) return refuse({ formError: TOO_MANY });
  if (form.honeypotFilled) {
    return refuse({ formError: "This signup looks automated, so it was not sent. Please leave the hidden “website” field empty." });
  }
  if (form.malformed.length > 0) return refuse({ formError: "This form was sent in a way we could not read. Please try again." });
  const parsed = subscribeSchema.safeParse(form.fields);
  if (!parsed.success) return refuse(fieldErrorsFrom<SubscribeField>(parsed.error));

  const email = normaliseEmail(parsed.data.email);
  if (!(await hitRateLimit(subscribeRateLimits.perAddress, email, now))) return refuse({ formError: TOO_MANY });

  await recordSignup({ email, firstName: parsed.data.firstName, source: (parsed.data.source ?? "newsletter") as SignupSource }, now);
  return { status: "success" };
}

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
    // Pending, or unsubscribed and asking again: double opt-in once more.
    if (sentRecently(existing.confirmationSentAt, now)) return;
    await sendConfirmation(tx, existing, now, {
      status: "pending",
      consentNoticeVersion: practice.privacy.noticeVersion,
      consentedAt: now,
      ...(existing.status === "pending" && signup.firstName ? { firstName: signup.firstName } : {}),
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
  await enqueueEmail(tx, { to: signup.email, template: "newsletter-confirmation", props: { confirmUrl: confirmUrl(token), validDays: CONFIRM_LINK_DAYS } });
}

/** A fresh confirmation link; the previous one stops working. */
async function sendConfirmation(tx: Transaction, subscriber: Subscriber, now: Date, changes: Partial<Subscriber>) {
  const token = randomToken();
  await tx
    .update(subscribers)
    .set({ ...changes, confirmTokenHash: tokenHash(token), confirmTokenExpiresAt: daysFrom(now, CONFIRM_LINK_DAYS), confirmationSentAt: now })
    .where(eq(subscribers.id, subscriber.id));
  await enqueueEmail(tx, { to: subscriber.email, template: "newsletter-confirmation", props: { confirmUrl: confirmUrl(token), validDays: CONFIRM_LINK_DAYS } });
}

function sentRecently(at: Date | null, now: Date): boolean {
  return at !== null && now.getTime() - at.getTime() < RESEND_AFTER_MINUTES * 60 * 1000;
}
