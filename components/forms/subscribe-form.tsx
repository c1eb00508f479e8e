"use client";

import Link from "next/link";
import { CheckYourInbox } from "@/components/newsletter/check-your-inbox";
import { Field, FieldError, Honeypot, fieldA11y } from "@/components/ui/field";
import type { SubscribeFormState } from "@/lib/newsletter/subscribe";
import { subscribeSchema, type SignupSource, type SubscribeField, type SubscribeInput } from "@/lib/newsletter/schema";
import { FormNotice } from "./form-notice";
import { useServerForm } from "./use-server-form";

type SubscribeFormProps = {
  action: (state: SubscribeFormState, formData: FormData) => Promise<SubscribeFormState>;
  source: SignupSource;
  /** A refusal carried over from the plain form elsewhere on the site. */
  initialState?: SubscribeFormState;
};

/**
 * The full signup form, for /newsletter and /freebies. With JavaScript it
 * checks as you go; without it the same action answers a plain post.
 */
export function SubscribeForm({ action, source, initialState = { status: "idle" } }: SubscribeFormProps) {
  const { state, pending, typed, register, errorFor, formProps } = useServerForm<SubscribeField, SubscribeInput>({
    action,
    schema: subscribeSchema,
    initialState,
    defaultValues: (typed) => ({ email: typed.email ?? "", firstName: typed.firstName ?? "" }),
  });

  if (state.status === "success") return <CheckYourInbox />;

  return (
    <form
      {...formProps}
      className="form"
      aria-describedby={state.status === "invalid" ? "subscribe-problem" : undefined}
    >
      {state.status === "invalid" ? <FormNotice id="subscribe-problem" state={state} /> : null}
      <input type="hidden" name="source" value={source} />
      <Honeypot />

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

      <Field name="firstName" label="First name (optional)" hint="Only so that emails can greet you by name." error={errorFor("firstName")}>
        <input
          type="text"
          autoComplete="given-name"
          maxLength={60}
          defaultValue={typed.firstName}
          {...fieldA11y("firstName", { error: errorFor("firstName"), hint: true })}
          {...register("firstName")}
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
            Email me the newsletter and the way into the freebies. I can unsubscribe in one click at any time; see the{" "}
            <Link href="/privacy">privacy notice</Link>.
          </span>
        </label>
        <FieldError name="consent" error={errorFor("consent")} />
      </div>

      <div>
        <button type="submit" className="button" aria-disabled={pending} disabled={pending}>
          {pending ? "Subscribing…" : "Subscribe"}
        </button>
      </div>
    </form>
  );
}
