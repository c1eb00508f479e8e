import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contactMessages } from "@/db/schema";
import { noticeToTherapist } from "@/lib/email/therapist-notices";
import { enqueueToUnverified } from "@/lib/email/unverified";
import { siteUrl } from "@/lib/env";
import type { FormResult } from "@/lib/forms/form-result";
import { perHour, publicForm } from "@/lib/forms/public-form";
import { practice } from "@/lib/practice/practice";
import { contactFields, contactMessageSchema, type ContactField } from "./schema";

export const contactForm = publicForm({ name: "contact", schema: contactMessageSchema, fields: contactFields, limits: { perIp: perHour(10), perAddress: perHour(5) } });
export type ContactFormState = FormResult<ContactField>;

/**
 * Stores a message from /contact and queues the two emails it causes, all in
 * one transaction, once the public-form pipeline has let it through. When the
 * acknowledgement is held back (lib/email/unverified.ts), the message is kept
 * and marked so, and the answer says no email was sent: the page then gives
 * the practice's phone and email instead of promising one.
 */
export const sendContactMessage = contactForm.handle(async (message, { now, ip, formKeyHash }) => {
  const db = await getDb();
  const emailHeldBack = await db.transaction(async (tx) => {
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
    if (!stored) {
      const [first] = await tx
        .select({ emailHeldBackAt: contactMessages.emailHeldBackAt })
        .from(contactMessages)
        .where(eq(contactMessages.formKeyHash, formKeyHash));
      return Boolean(first?.emailHeldBackAt);
    }
    const acknowledged = await enqueueToUnverified(tx, { to: message.email, template: "contact-acknowledgement", props: {} }, now, ip);
    if (!acknowledged) await tx.update(contactMessages).set({ emailHeldBackAt: now }).where(eq(contactMessages.id, stored.id));
    await noticeToTherapist(
      tx,
      "message",
      { to: practice.notificationEmail, template: "contact-notification", props: { messageUrl: siteUrl(`/admin/messages/${stored.id}`) } },
      now,
    );
    return !acknowledged;
  });
  return emailHeldBack ? ({ status: "success", emailHeldBack: true } as const) : ({ status: "success" } as const);
});
