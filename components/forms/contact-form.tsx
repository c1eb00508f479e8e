"use client";

import Link from "next/link";
import { Agreement, Field, RadioGroup } from "@/components/ui/field";
import type { ContactFormState } from "@/lib/contact/send-message";
import { type ContactField, MESSAGE_MAX_LENGTH, contactMessageSchema } from "@/lib/contact/schema";
import { EmailHeldBack } from "./email-held-back";
import { PersonFields } from "./person-fields";
import { FormAnswer } from "./form-answer";
import { ServerForm } from "./server-form";
import { useServerForm } from "./use-server-form";

type ContactFormProps = {
  formKey: string;
  action: (state: ContactFormState, formData: FormData) => Promise<ContactFormState>;
  /** The answer to show before anything is posted; tests render each answer this way. */
  initialState?: ContactFormState;
};

const contactChoices = [
  ["email", "By email"],
  ["phone", "By phone"],
] as const;

/**
 * The contact form. With JavaScript it validates as you go and posts through
 * the server action; without it, the same action answers a plain post and the
 * page comes back with the same messages and everything typed.
 */
export function ContactForm({ formKey, action, initialState }: ContactFormProps) {
  const form = useServerForm<ContactField>({
    action,
    initialState,
    schema: contactMessageSchema,
    defaults: { preferredContact: "email" },
  });
  const { field } = form;

  if (form.state.status === "success") {
    return (
      <FormAnswer id={form.noticeId} answer={form.state}>
        <div className="notice notice-success" role="status">
          <h2>Thank you, your message has been sent</h2>
          {form.state.emailHeldBack ? (
            <EmailHeldBack what="your message has reached the practice, but no email confirming it will come." />
          ) : (
            <p>You will receive an email confirming it arrived. If it does not come within a few minutes, please check your spam folder.</p>
          )}
          <p>
            <Link href="/contact">Send another message</Link>
          </p>
        </div>
      </FormAnswer>
    );
  }

  return (
    <ServerForm form={form} formKey={formKey} submitLabel="Send message" pendingLabel="Sending…">
      <PersonFields field={field} />
      <RadioGroup legend="How would you like me to contact you?" field={field("preferredContact")} options={contactChoices} />
      <Field
        label="Your message"
        hint="A few lines are enough. Please don't include personal or clinical details here; we can talk about those once we speak."
        {...field("message", { hint: true }).props}
      >
        <textarea rows={7} maxLength={MESSAGE_MAX_LENGTH} {...field("message", { hint: true }).input} />
      </Field>
      <Agreement field={field("consent")}>
        I agree that the practice may store this message and contact me about it, as described in the <Link href="/privacy">privacy notice</Link>.
      </Agreement>
    </ServerForm>
  );
}
