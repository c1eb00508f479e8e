"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { type EditFormName, editFormSchemas } from "@/lib/admin/booking-schemas";
import type { EditState } from "@/lib/admin/edit-state";

export type EditField = { name: string; label: string; defaultValue?: string; type?: "text" | "date"; hint?: string; maxLength?: number };

/**
 * A small private-area form around a server action, the components/forms
 * pattern: react-hook-form checks the shared zod schema in the browser, the
 * server checks it again; with JavaScript off React posts the form and
 * renders the returned state. A refusal shows every field's message beside
 * it and keeps what was typed.
 */
export function EditForm({
  action,
  fields,
  submitLabel,
  id,
}: {
  action: (previous: EditState, formData: FormData) => Promise<EditState>;
  fields: EditField[];
  submitLabel: string;
  id: EditFormName;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as EditState);
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.status === "invalid" ? state.values : {};
  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  const {
    register,
    handleSubmit,
    formState: { errors: clientErrors },
  } = useForm<Record<string, string>>({
    resolver: zodResolver(editFormSchemas[id] as unknown as z.ZodType<Record<string, string>, Record<string, string>>),
    mode: "onTouched",
    defaultValues: Object.fromEntries(fields.map((field) => [field.name, values[field.name] ?? field.defaultValue ?? ""])),
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(event) =>
        handleSubmit(() => {
          startTransition(() => formAction(new FormData(formRef.current!)));
        })(event)
      }
      className="edit-form"
      noValidate
      aria-describedby={state.status === "idle" ? undefined : `${id}-notice`}
    >
      {state.status === "invalid" ? (
        <div className="notice notice-error" role="alert" id={`${id}-notice`}>
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.status === "saved" ? (
        <div className="notice notice-success" role="status" id={`${id}-notice`}>
          <p>{state.message}</p>
          {state.url ? (
            <p>
              <code className="feed-url" data-testid="feed-url">
                {state.url}
              </code>
            </p>
          ) : null}
        </div>
      ) : null}
      {fields.map((field) => {
        const inputId = `${id}-${field.name}`;
        const clientError = clientErrors[field.name]?.message;
        const fieldErrors = clientError ? [clientError] : serverErrors[field.name];
        const describedBy = [field.hint ? `${inputId}-hint` : null, fieldErrors ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
        return (
          <p className="field" key={field.name}>
            <label htmlFor={inputId}>{field.label}</label>
            {field.hint ? (
              <span className="hint" id={`${inputId}-hint`}>
                {field.hint}
              </span>
            ) : null}
            <input
              id={inputId}
              type={field.type ?? "text"}
              defaultValue={values[field.name] ?? field.defaultValue ?? ""}
              maxLength={field.maxLength}
              {...register(field.name)}
              aria-invalid={fieldErrors ? true : undefined}
              aria-describedby={describedBy}
            />
            {fieldErrors ? (
              <span className="field-error" id={`${inputId}-error`}>
                {fieldErrors.join(" ")}
              </span>
            ) : null}
          </p>
        );
      })}
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
