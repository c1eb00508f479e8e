"use client";

import Link from "next/link";
import { Field, FieldError, FieldSet, Honeypot, fieldA11y } from "@/components/ui/field";
import type { ContactFormState } from "@/lib/contact/send-message";
import { type ContactField, type ContactMessageInput, MESSAGE_MAX_LENGTH, contactMessageSchema } from "@/lib/contact/schema";
import { FORM_KEY_FIELD } from "@/lib/forms/parse-form";
import { FormNotice } from "./form-notice";
import { useServerForm } from "./use-server-form";

type ContactFormProps = {
  formKey: string;
  action: (state: ContactFormState, formData: FormData) => Promise<ContactFormState>;
};

/**
 * The contact form. With JavaScript it validates as you go and posts through
 * the server action; without it, the same action answers a plain post and the
 * page comes back with the same messages and everything typed.
 */
export function ContactForm({ formKey, action }: ContactFormProps) {
  const { state, pending, typed, register, errorFor, formProps } = useServerForm<ContactField, ContactMessageInput>({
    action,
    schema: contactMessageSchema,
    defaultValues: (typed) => ({
      name: typed.name ?? "",
      email: typed.email ?? "",
      phone: typed.phone ?? "",
      preferredContact: (typed.preferredContact as ContactMessageInput["preferredContact"]) ?? "email",
      message: typed.message ?? "",
    }),
  });

  if (state.status === "success") {
    return (
      <div className="notice notice-success" role="status">
        <h2>Thank you, your message has been sent</h2>
        <p>
          You will receive an email confirming it arrived. If it does not come within a few minutes, please check your spam
          folder.
        </p>
        <p>
          <Link href="/contact">Send another message</Link>
        </p>
      </div>
    );
  }

  return (
    <form
      {...formProps}
      className="form"
      aria-describedby={state.status === "invalid" ? "form-problem" : undefined}
    >
      {state.status === "invalid" ? <FormNotice id="form-problem" state={state} /> : null}
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      <Honeypot />

      <Field name="name" label="Your name" error={errorFor("name")}>
        <input
          type="text"
          autoComplete="name"
          maxLength={100}
          defaultValue={typed.name}
          {...fieldA11y("name", { error: errorFor("name") })}
          {...register("name")}
        />
      </Field>

      <Field name="email" label="Email address" error={errorFor("email")}>
        <input
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          defaultValue={typed.email}
          {...fieldA11y("email", { error: errorFor("email") })}
          {...register("email")}
        />
      </Field>

      <Field name="phone" label="Phone number (optional)" error={errorFor("phone")}>
        <input
          type="tel"
          autoComplete="tel"
          maxLength={30}
          defaultValue={typed.phone}
          {...fieldA11y("phone", { error: errorFor("phone") })}
          {...register("phone")}
        />
      </Field>

      <FieldSet name="preferredContact" legend="How would you like me to contact you?" error={errorFor("preferredContact")}>
        {(
          [
            ["email", "By email"],
            ["phone", "By phone"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="choice" htmlFor={`preferredContact-${value}`}>
            <input
              type="radio"
              id={`preferredContact-${value}`}
              value={value}
              defaultChecked={(typed.preferredContact ?? "email") === value}
              {...register("preferredContact")}
            />
            {label}
          </label>
        ))}
      </FieldSet>

      <Field
        name="message"
        label="Your message"
        hint="A few lines are enough. Please don't include personal or clinical details here; we can talk about those once we speak."
        error={errorFor("message")}
      >
        <textarea
          rows={7}
          maxLength={MESSAGE_MAX_LENGTH}
          defaultValue={typed.message}
          {...fieldA11y("message", { error: errorFor("message"), hint: true })}
          {...register("message")}
        />
      </Field>

      <div className="field">
        <label className="choice" htmlFor="consent">
          <input
            type="checkbox"
            value="yes"
            defaultChecked={typed.consent === "yes"}
            {...fieldA11y("consent", { error: errorFor("consent") })}
            {...register("consent")}
          />
          <span>
            I agree that the practice may store this message and contact me about it, as described in the{" "}
            <Link href="/privacy">privacy notice</Link>.
          </span>
        </label>
        <FieldError name="consent" error={errorFor("consent")} />
      </div>

      <div>
        <button type="submit" className="button" aria-disabled={pending} disabled={pending}>
          {pending ? "Sending…" : "Send message"}
        </button>
      </div>
    </form>
  );
}
