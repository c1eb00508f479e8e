"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { FormNotice } from "@/components/forms/form-notice";
import { Field, FieldError, fieldA11y } from "@/components/ui/field";
import { type ErasePersonInput, type ErasePersonState, erasePersonSchema } from "@/lib/privacy/erase-schema";

const labels: Record<string, [string, string]> = {
  contactMessages: ["contact message", "contact messages"],
  bookings: ["booking", "bookings"],
  newsletterSubscribers: ["newsletter subscription", "newsletter subscriptions"],
  outboxEmails: ["email in the outbox", "emails in the outbox"],
};

type ErasePersonFormProps = { action: (state: ErasePersonState, formData: FormData) => Promise<ErasePersonState> };

export function ErasePersonForm({ action }: ErasePersonFormProps) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const typed = state.status === "invalid" ? state.values : {};
  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ErasePersonInput>({ resolver: zodResolver(erasePersonSchema), mode: "onTouched", defaultValues: { email: typed.email ?? "" } });
  const emailError = errors.email?.message ?? serverErrors.email?.join(" ");
  const confirmError = errors.confirm?.message ?? serverErrors.confirm?.join(" ");

  return (
    <>
      {state.status === "erased" ? (
        <div className="notice notice-success" role="status">
          <h2>Erased</h2>
          <p>
            {Object.values(state.erased).some((n) => n > 0)
              ? `Deleted ${Object.entries(state.erased)
                  .filter(([, n]) => n > 0)
                  .map(([name, n]) => `${n} ${(labels[name] ?? [name, name])[n === 1 ? 0 : 1]}`)
                  .join(", ")}.`
              : "Nothing was held about this address."}{" "}
            The audit log records that an erasure happened, without the address.
          </p>
        </div>
      ) : null}
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
        <Field name="email" label="The person's email address" error={emailError}>
          <input type="email" autoComplete="off" maxLength={254} defaultValue={typed.email} {...fieldA11y("email", { error: emailError })} {...register("email")} />
        </Field>
        <div className="field">
          <label className="choice" htmlFor="confirm">
            <input type="checkbox" value="yes" {...fieldA11y("confirm", { error: confirmError })} {...register("confirm")} />
            <span>I understand that everything held about this person is deleted now and cannot be restored.</span>
          </label>
          <FieldError name="confirm" error={confirmError} />
        </div>
        <div>
          <button type="submit" className="button button-danger" aria-disabled={pending} disabled={pending}>
            {pending ? "Erasing…" : "Erase this person"}
          </button>
        </div>
      </form>
    </>
  );
}
