import "server-only";
import { getDb } from "@/db/client";
import { contactMessages } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/forms/form-state";
import { fieldErrorsFrom, formKeySchema, readSubmittedForm, refused } from "@/lib/forms/parse-form";
import { hitRateLimit, type RateLimitRule } from "@/lib/security/rate-limit";
import { contactFields, contactMessageSchema, type ContactField } from "./schema";

export const contactRateLimits = {
  perIp: { name: "contact:ip", max: 10, windowSeconds: 60 * 60 },
  perAddress: { name: "contact:address", max: 5, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export type ContactFormState = FormState<ContactField>;

const TOO_MANY =
  "We have received several messages from you in a short time, so this one was not sent. Please try again in an hour, or email or call the practice directly.";

/**
 * Stores a message from /contact and queues the two emails it causes, all in
 * one transaction. Every refusal happens before the transaction, so a refused
 * message writes nothing but its rate-limit count.
 */
export async function sendContactMessage(
  input: FormData | Record<string, unknown>,
  context: { ip: string; now?: Date },
): Promise<ContactFormState> {
  const now = context.now ?? new Date();
  const form = readSubmittedForm(input);
  const refuse = (problems: Parameters<typeof refused<ContactField>>[2]) => refused(form.fields, contactFields, problems);

  if (!(await hitRateLimit(contactRateLimits.perIp, context.ip, now))) return refuse({ formError: TOO_MANY });
  if (form.honeypotFilled) {
    return refuse({ formError: "This message looks automated, so it was not sent. Please leave the hidden “website” field empty." });
  }
  if (form.malformed.length > 0) return refuse({ formError: "This form was sent in a way we could not read. Please try again." });
  const formKey = formKeySchema.safeParse(form.formKey);
  if (!formKey.success) return refuse({ formError: "This form has expired. Please send it again." });

  const parsed = contactMessageSchema.safeParse(form.fields);
  if (!parsed.success) return refuse(fieldErrorsFrom<ContactField>(parsed.error));
  const message = parsed.data;

  if (!(await hitRateLimit(contactRateLimits.perAddress, message.email.toLowerCase(), now))) {
    return refuse({ formError: TOO_MANY });
  }

  const db = await getDb();
  await db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(contactMessages)
      .values({
        name: message.name,
        email: message.email,
        phone: message.phone ?? null,
        preferredContact: message.preferredContact,
        message: message.message,
        consentNoticeVersion: practice.privacy.noticeVersion,
        consentedAt: now,
        formKey: formKey.data,
        createdAt: now,
      })
      // The same rendered form sent twice: the first one already did the work.
      .onConflictDoNothing({ target: contactMessages.formKey })
      .returning({ id: contactMessages.id });
    if (!stored) return;
    await enqueueEmail(tx, { to: message.email, template: "contact-acknowledgement", props: { name: message.name } });
    await enqueueEmail(tx, {
      to: practice.notificationEmail,
      template: "contact-notification",
      props: { messageUrl: new URL(`/admin/messages/${stored.id}`, env().APP_URL).toString() },
    });
  });
  return { status: "success" };
}
