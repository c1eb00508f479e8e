import "server-only";
import { getDb } from "@/db/client";
import { contactMessages } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { enqueueToUnverified } from "@/lib/email/unverified";
import { env } from "@/lib/env";
import type { FormResult } from "@/lib/forms/form-result";
import { perHour, publicForm } from "@/lib/forms/public-form";
import { practice } from "@/lib/practice/practice";
import { contactFields, contactMessageSchema, type ContactField } from "./schema";

export const contactForm = publicForm({ name: "contact", schema: contactMessageSchema, fields: contactFields, limits: { perIp: perHour(10), perAddress: perHour(5) } });
export type ContactFormState = FormResult<ContactField>;

/**
 * Stores a message from /contact and queues the two emails it causes, all in
 * one transaction, once the public-form pipeline has let it through.
 */
export const sendContactMessage = contactForm.handle(async (message, { now, ip, formKeyHash }) => {
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
        formKeyHash,
        createdAt: now,
      })
      // The same rendered form sent twice: the first one already did the work.
      .onConflictDoNothing({ target: contactMessages.formKeyHash })
      .returning({ id: contactMessages.id });
    if (!stored) return;
    await enqueueToUnverified(tx, { to: message.email, template: "contact-acknowledgement", props: {} }, now, ip);
    await enqueueEmail(tx, {
      to: practice.notificationEmail,
      template: "contact-notification",
      props: { messageUrl: new URL(`/admin/messages/${stored.id}`, env().APP_URL).toString() },
    });
  });
  return { status: "success" } as const;
});
