"use client";

import type { FormEvent, ReactNode, Ref } from "react";
import { Honeypot } from "@/components/ui/field";
import type { FormResult } from "@/lib/forms/form-result";
import { FORM_KEY_FIELD } from "@/lib/forms/parse-form";
import { FormAnswer } from "./form-answer";
import { FormNotice } from "./form-notice";

type ServerFormProps = {
  /** What useServerForm returned: the state to show and the props that wire the form. */
  form: {
    state: FormResult<string, unknown, unknown>;
    pending: boolean;
    noticeId: string;
    formProps: {
      ref: Ref<HTMLFormElement>;
      action: (formData: FormData) => void;
      noValidate: boolean;
      onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    };
  };
  submitLabel: string;
  pendingLabel: string;
  /** Public forms carry one key per render and a honeypot; private ones neither, or a key alone where a repeated post must do nothing. */
  formKey?: string;
  honeypotId?: string;
  honeypot?: boolean;
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
 * Each answer is brought into view and focused (FormAnswer).
 */
export function ServerForm({
  form,
  submitLabel,
  pendingLabel,
  formKey,
  honeypotId,
  honeypot = Boolean(formKey || honeypotId),
  className = "form",
  buttonClassName = "button",
  refusalNotice,
  children,
}: ServerFormProps) {
  const { state, pending, formProps, noticeId } = form;
  const answered = state.status === "invalid" || state.status === "saved";
  return (
    <form {...formProps} className={className} aria-describedby={answered ? noticeId : undefined}>
      {answered ? (
        <FormAnswer id={noticeId} answer={state}>
          {state.status === "invalid" ? (
            (refusalNotice ?? <FormNotice state={state} />)
          ) : (
            <div className="notice notice-success" role="status">
              <p>{state.message}</p>
            </div>
          )}
        </FormAnswer>
      ) : null}
      {formKey ? <input type="hidden" name={FORM_KEY_FIELD} value={formKey} /> : null}
      {honeypot ? <Honeypot id={honeypotId} /> : null}
      {children}
      <div>
        <button type="submit" className={buttonClassName} aria-disabled={pending} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
