"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { Field, Honeypot, fieldA11y } from "@/components/ui/field";
import type { SignInFormState } from "@/lib/auth/sign-in-link";
import { type SignInInput, signInSchema } from "@/lib/auth/sign-in-schema";
import { FormNotice } from "./form-notice";

type SignInFormProps = { action: (state: SignInFormState, formData: FormData) => Promise<SignInFormState> };

/** Asks for an emailed sign-in link. On success the action redirects to "Check your email", whatever the address. */
export function SignInForm({ action }: SignInFormProps) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const typed = state.status === "invalid" ? state.values : {};
  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), mode: "onTouched", defaultValues: { email: typed.email ?? "" } });
  const emailError = errors.email?.message ?? serverErrors.email?.join(" ");

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(event) =>
        handleSubmit(() => {
          startTransition(() => formAction(new FormData(formRef.current!)));
        })(event)
      }
      noValidate
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
