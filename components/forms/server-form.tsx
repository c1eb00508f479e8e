"use client";

import type { FormEvent, ReactNode, Ref } from "react";
import { Honeypot } from "@/components/ui/field";
import type { FormResult } from "@/lib/forms/form-result";
import { FORM_KEY_FIELD } from "@/lib/forms/parse-form";
import { FormNotice } from "./form-notice";

type ServerFormProps = {
  /** What useServerForm returned: the state to show and the props that wire the form. */
  form: {
    state: FormResult<string, unknown, unknown>;
    pending: boolean;
    formProps: { ref: Ref<HTMLFormElement>; action: (formData: FormData) => void; noValidate: boolean; onSubmit: (event: FormEvent<HTMLFormElement>) => void };
  };
  /** Id of the notice above the form; the form points to it when it refuses. */
  noticeId: string;
  submitLabel: string;
  pendingLabel: string;
  /** Public forms carry one key per render and a honeypot; private ones neither. */
  formKey?: string;
  honeypotId?: string;
  className?: string;
  buttonClassName?: string;
  /** Shown in place of the usual summary when a refusal needs its own words (e.g. "we can't see you there"). */
  refusalNotice?: ReactNode;
  children: ReactNode;
};

/**
 * The frame every form shares: the summary of a refusal (role="alert") or
 * of a save (role="status") at the top, the hidden fields a public form
 * carries, the fields, and one submit button that says when it is working.
 */
export function ServerForm({ form, noticeId, submitLabel, pendingLabel, formKey, honeypotId, className = "form", buttonClassName = "button", refusalNotice, children }: ServerFormProps) {
  const { state, pending, formProps } = form;
  return (
    <form {...formProps} className={className} aria-describedby={state.status === "invalid" || state.status === "saved" ? noticeId : undefined}>
      {state.status === "invalid" ? (refusalNotice ?? <FormNotice id={noticeId} state={state} />) : null}
      {state.status === "saved" ? (
        <div className="notice notice-success" role="status" id={noticeId}>
          <p>{state.message}</p>
        </div>
      ) : null}
      {formKey ? <input type="hidden" name={FORM_KEY_FIELD} value={formKey} /> : null}
      {formKey || honeypotId ? <Honeypot id={honeypotId} /> : null}
      {children}
      <div>
        <button type="submit" className={buttonClassName} aria-disabled={pending} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
