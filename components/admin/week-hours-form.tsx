"use client";

import { useEffect, useRef, type FormEvent } from "react";
import { FormAnswer } from "@/components/forms/form-answer";
import { FormNotice } from "@/components/forms/form-notice";
import { useServerForm } from "@/components/forms/use-server-form";
import { FieldError } from "@/components/ui/field";
import {
  type AvailabilityFormResult,
  COPY_FIELD,
  COPY_FROM,
  MAX_RANGES,
  dayOpenFieldName,
  editFormSchemas,
  rangeFieldNames,
} from "@/lib/admin/booking-schemas";
import type { Weekday } from "@/lib/practice/practice-schema";
import { TimeOfDay } from "./hours-form";

export type WeekHoursDay = { day: Weekday; name: string; ranges: { start: string; end: string }[] };

/**
 * The usual week as a grid: a row a weekday with its "Open" box and its
 * ranges side by side, plus one empty range to add another. Every row has as
 * many ranges as the fullest day, so Monday's copy fits each weekday.
 * "Copy Monday to every weekday" is a second submit button: without
 * JavaScript the browser posts its name; with it, the pressed button is
 * copied into a hidden field, as the hook posts only the form's fields.
 */
export function WeekHoursForm({
  action,
  days,
}: {
  action: (previous: AvailabilityFormResult, formData: FormData) => Promise<AvailabilityFormResult>;
  days: WeekHoursDay[];
}) {
  const rows = Math.min(MAX_RANGES, Math.max(2, ...days.map((day) => day.ranges.length + 1)));
  const defaults = Object.fromEntries(
    days.flatMap(({ day, ranges }) => [
      [dayOpenFieldName(day), ranges.length > 0 ? "yes" : ""],
      ...Array.from({ length: rows }, (_, index) => {
        const names = rangeFieldNames(day, index);
        return [
          [names.start, ranges[index]?.start ?? ""],
          [names.end, ranges[index]?.end ?? ""],
        ];
      }).flat(),
    ]),
  );
  const form = useServerForm<string, { url?: string }>({ action, schema: editFormSchemas.weekly, defaults, idPrefix: "weekly", noticeId: "weekly-notice" });
  const { state, reset } = form;
  const copy = useRef<HTMLInputElement>(null);
  const answered = state.status === "invalid" || state.status === "saved";
  // Once saved, the grid shows the week as stored (a copy fills Tuesday to Friday); the saved props arrive with the answer.
  const stored = JSON.stringify(defaults);
  useEffect(() => {
    if (state.status === "saved") reset(JSON.parse(stored));
  }, [state, stored, reset]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const pressed = (event.nativeEvent as SubmitEvent).submitter;
    if (copy.current) copy.current.disabled = !(pressed instanceof HTMLButtonElement && pressed.name === COPY_FIELD);
    form.formProps.onSubmit(event);
  }

  return (
    <form {...form.formProps} onSubmit={onSubmit} className="edit-form week-hours" aria-describedby={answered ? form.noticeId : undefined}>
      {answered ? (
        <FormAnswer id={form.noticeId} answer={state}>
          {state.status === "invalid" ? (
            <FormNotice state={state} />
          ) : (
            <div className="notice notice-success" role="status">
              <p>{state.message}</p>
            </div>
          )}
        </FormAnswer>
      ) : null}
      <input type="hidden" name={COPY_FIELD} value={COPY_FROM} ref={copy} disabled />
      {days.map(({ day, name }) => {
        const open = form.field(dayOpenFieldName(day));
        const error = form.errorFor(day);
        const errorId = `weekly-${day}`;
        return (
          <fieldset key={day} className="hours-day" aria-describedby={error ? `${errorId}-error` : undefined} data-day={day}>
            <legend>{name}</legend>
            <label className="hours-open">
              <input type="checkbox" {...open.checkbox} />
              Open<span className="visually-hidden"> on {name}</span>
            </label>
            <div className="hours-ranges">
              {Array.from({ length: rows }, (_, index) => {
                const names = rangeFieldNames(day, index);
                const start = form.field(names.start);
                const end = form.field(names.end);
                const errors = [start, end].map((field) => ({ id: `${field.input.id}-error`, message: field.props.error })).filter((item) => item.message);
                return (
                  <div key={index} className="hours-range">
                    <TimeOfDay word="From" context={`${name}, hours ${index + 1}: `} input={start.input} />
                    <TimeOfDay word="Until" context={`${name}, hours ${index + 1}: `} input={end.input} />
                    {errors.map((item) => (
                      <p key={item.id} className="field-error" id={item.id}>
                        {item.message}
                      </p>
                    ))}
                  </div>
                );
              })}
            </div>
            <FieldError name={errorId} error={error} />
          </fieldset>
        );
      })}
      <p className="hint">Leave a range empty to remove it. A day that is not open takes no bookings.</p>
      {/* Save first: the button Enter presses is the form's first. */}
      <div className="actions">
        <button type="submit" className="button" disabled={form.pending} aria-disabled={form.pending}>
          {form.pending ? "Saving…" : "Save weekly hours"}
        </button>
        <button type="submit" name={COPY_FIELD} value={COPY_FROM} className="button button-secondary" disabled={form.pending} aria-disabled={form.pending}>
          Copy Monday to every weekday and save
        </button>
      </div>
    </form>
  );
}
