"use client";

import { useRef, type FormEvent } from "react";
import { FormAnswer } from "@/components/forms/form-answer";
import { FormNotice } from "@/components/forms/form-notice";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field } from "@/components/ui/field";
import { decisionNoteSchema, type BookingDecision, type BookingDecisionField, type BookingDecisionResult } from "@/lib/admin/booking-schemas";

export type DecisionChoice = { decision: BookingDecision; label: string; danger?: boolean };

type BookingDecisionFormProps = {
  action: (state: BookingDecisionResult, formData: FormData) => Promise<BookingDecisionResult>;
  bookingId: string;
  /** The decisions the booking's state allows now, one button each. */
  choices: DecisionChoice[];
  /** Whether one of them tells the client (confirm, decline, cancel), so a note can go with it. */
  withNote: boolean;
};

/**
 * The request's decisions as one form: an optional note to the client and a
 * button per decision. One form, always on the page, so its answer stays
 * beside it when the booking's new state changes which buttons it offers.
 */
export function BookingDecisionForm({ action, bookingId, choices, withNote }: BookingDecisionFormProps) {
  const form = useServerForm<BookingDecisionField, { id: string; status: string }>({
    action,
    schema: decisionNoteSchema,
    defaults: { id: bookingId },
    idPrefix: "decision",
    noticeId: "decision-notice",
  });
  const { state, pending, formProps, noticeId } = form;
  const decision = useRef<HTMLInputElement>(null);
  const busy = state.status === "invalid" && Boolean(state.fieldErrors.anyway);
  const answered = state.status === "invalid" || state.status === "saved";
  const note = form.field("note", { hint: true });

  // The hook posts the form's fields, which leave out the button pressed; it is
  // copied into the hidden field here. Without JavaScript that field stays
  // disabled and the browser posts the button itself.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const pressed = (event.nativeEvent as SubmitEvent).submitter;
    if (decision.current && pressed instanceof HTMLButtonElement) {
      decision.current.value = pressed.value;
      decision.current.disabled = false;
    }
    formProps.onSubmit(event);
  }

  return (
    <form {...formProps} onSubmit={onSubmit} className="decision-form" aria-describedby={answered ? noticeId : undefined}>
      {answered ? (
        <FormAnswer id={noticeId} answer={state}>
          {state.status === "saved" ? (
            <div className="notice notice-success" role="status">
              <p>{state.message}</p>
            </div>
          ) : busy ? (
            <div className="notice notice-error" role="alert">
              <p>{state.formError}</p>
            </div>
          ) : state.status === "invalid" ? (
            <FormNotice state={state} />
          ) : null}
        </FormAnswer>
      ) : null}
      <input type="hidden" name="id" value={bookingId} />
      <input type="hidden" name="decision" ref={decision} disabled />
      {busy ? <input type="hidden" name="anyway" value="yes" /> : null}
      {withNote ? (
        <Field label="Note to the client" hint="Optional. It goes to the client by email with your answer: no clinical detail." {...note.props}>
          <textarea rows={2} maxLength={1000} {...note.input} />
        </Field>
      ) : null}
      {choices.length > 0 ? (
        <div className="actions">
          {choices.map(({ decision: value, label, danger }) => (
            <button key={value} type="submit" name="decision" value={value} className={danger ? "button button-danger" : "button"} aria-disabled={pending} disabled={pending}>
              {busy && value === "confirm" ? "Confirm anyway" : label}
            </button>
          ))}
        </div>
      ) : (
        <p>Nothing left to do here.</p>
      )}
    </form>
  );
}
