"use client";

import { Field, Honeypot, fieldA11y } from "@/components/ui/field";
import type { SignInFormState } from "@/lib/auth/sign-in-link";
import { type SignInField, type SignInInput, signInSchema } from "@/lib/auth/sign-in-schema";
import { FormNotice } from "./form-notice";
import { useServerForm } from "./use-server-form";

type SignInFormProps = { action: (state: SignInFormState, formData: FormData) => Promise<SignInFormState> };

/** Asks for an emailed sign-in link. On success the action redirects to "Check your email", whatever the address. */
export function SignInForm({ action }: SignInFormProps) {
  const { state, pending, typed, register, errorFor, formProps } = useServerForm<SignInField, SignInInput>({
    action,
    schema: signInSchema,
    defaultValues: (typed) => ({ email: typed.email ?? "" }),
  });
  const emailError = errorFor("email");

  return (
    <form
      {...formProps}
      className="form"
      aria-describedby={state.status === "invalid" ? "form-problem" : undefined}
    >
      {state.status === "invalid" ? <FormNotice id="form-problem" state={state} /> : null}
      <Honeypot />
      <Field name="email" label="Email address" error={emailError}>
        <input
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          defaultValue={typed.email}
          {...fieldA11y("email", { error: emailError })}
          {...register("email")}
        />
      </Field>
      <div>
        <button type="submit" className="button" aria-disabled={pending} disabled={pending}>
          {pending ? "Sending…" : "Email me a sign-in link"}
        </button>
      </div>
    </form>
  );
}
