"use client";

import { useActionState } from "react";
import type { EditState } from "@/lib/admin/edit-state";

export type EditField = { name: string; label: string; defaultValue?: string; type?: "text" | "date"; hint?: string; maxLength?: number };

/**
 * A small private-area form around a server action. It works the same with
 * JavaScript off (React posts the form and renders the returned state); a
 * refusal shows every field's message beside it and keeps what was typed.
 */
export function EditForm({
  action,
  fields,
  submitLabel,
  id,
  hidden,
}: {
  action: (previous: EditState, formData: FormData) => Promise<EditState>;
  fields: EditField[];
  submitLabel: string;
  id: string;
  hidden?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as EditState);
  const values = state.status === "invalid" ? state.values : {};
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  return (
    <form action={formAction} className="edit-form" noValidate aria-describedby={state.status === "idle" ? undefined : `${id}-notice`}>
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
      {hidden ? Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />) : null}
      {fields.map((field) => {
        const inputId = `${id}-${field.name}`;
        const fieldErrors = errors[field.name];
        const describedBy = [field.hint ? `${inputId}-hint` : null, fieldErrors ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
        return (
          <p className="field" key={`${field.name}-${state.status === "saved" ? "saved" : "typed"}`}>
            <label htmlFor={inputId}>{field.label}</label>
            {field.hint ? (
              <span className="hint" id={`${inputId}-hint`}>
                {field.hint}
              </span>
            ) : null}
            <input
              id={inputId}
              name={field.name}
              type={field.type ?? "text"}
              defaultValue={values[field.name] ?? field.defaultValue ?? ""}
              maxLength={field.maxLength}
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
