"use client";

import Link from "next/link";
import { CheckYourInbox, SignupHeldBack } from "@/components/newsletter/check-your-inbox";
import { Agreement, Field } from "@/components/ui/field";
import { subscribeSchema, type SignupSource, type SubscribeField } from "@/lib/newsletter/schema";
import type { SubscribeFormState } from "@/lib/newsletter/subscribe";
import { FormAnswer } from "./form-answer";
import { ServerForm } from "./server-form";
import { useServerForm } from "./use-server-form";

type SubscribeFormProps = {
  action: (state: SubscribeFormState, formData: FormData) => Promise<SubscribeFormState>;
  source: SignupSource;
  formKey: string;
  /** A refusal carried over from the plain form elsewhere on the site. */
  initialState?: SubscribeFormState;
};

/**
 * The full signup form, for /newsletter and /freebies. With JavaScript it
 * checks as you go; without it the same action answers a plain post.
 */
export function SubscribeForm({ action, source, formKey, initialState = { status: "idle" } }: SubscribeFormProps) {
  const form = useServerForm<SubscribeField>({
    noticeId: "subscribe-problem",
    action,
    schema: subscribeSchema,
    initialState,
  });
  const { field } = form;

  if (form.state.status === "success")
    return (
      <FormAnswer id={form.noticeId} answer={form.state}>
        {form.state.emailHeldBack ? <SignupHeldBack /> : <CheckYourInbox />}
      </FormAnswer>
    );

  return (
    <ServerForm form={form} formKey={formKey} submitLabel="Subscribe" pendingLabel="Subscribing…">
      <input type="hidden" name="source" value={source} />
      <Field label="Email address" {...field("email").props}>
        <input type="email" autoComplete="email" inputMode="email" maxLength={254} {...field("email").input} />
      </Field>
      <Field label="First name (optional)" hint="Only so that emails can greet you by name." {...field("firstName", { hint: true }).props}>
        <input type="text" autoComplete="given-name" maxLength={60} {...field("firstName", { hint: true }).input} />
      </Field>
      <Agreement field={field("consent")}>
        Email me the newsletter and the way into the freebies. I can unsubscribe in one click at any time; see the{" "}
        <Link href="/privacy">privacy notice</Link>.
      </Agreement>
    </ServerForm>
  );
}
