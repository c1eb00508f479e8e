"use client";

import { type InputHTMLAttributes, useEffect } from "react";
import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field, FieldSet } from "@/components/ui/field";
import { type AvailabilityFormResult, MAX_RANGES, editFormSchemas, rangeFieldNames } from "@/lib/admin/booking-schemas";

export type HoursGroup = { name: string; legend: string; ranges: { start: string; end: string }[] };

/**
 * Working hours as rows of time inputs, "from" and "until", one group a day
 * (the usual week) or a single group under a date (a one-day change). Each
 * group shows its rows plus one empty row to add a range; an emptied row is
 * dropped. A refusal about a whole day (an overlap) shows beside that day.
 */
export function HoursForm({
  id,
  action,
  submitLabel,
  groups,
  withDay = false,
  clearOnSave = false,
}: {
  id: "weekly" | "override";
  action: (previous: AvailabilityFormResult, formData: FormData) => Promise<AvailabilityFormResult>;
  submitLabel: string;
  groups: HoursGroup[];
  /** A one-day change: a date field first. */
  withDay?: boolean;
  clearOnSave?: boolean;
}) {
  const rows = (group: HoursGroup) => Math.min(MAX_RANGES, Math.max(2, group.ranges.length + 1));
  const defaults = Object.fromEntries([
    ...(withDay ? [["day", ""]] : []),
    ...groups.flatMap((group) =>
      Array.from({ length: rows(group) }, (_, index) => {
        const names = rangeFieldNames(group.name, index);
        return [
          [names.start, group.ranges[index]?.start ?? ""],
          [names.end, group.ranges[index]?.end ?? ""],
        ];
      }).flat(),
    ),
  ]);
  const form = useServerForm<string, { url?: string }>({ action, schema: editFormSchemas[id], defaults, idPrefix: id, noticeId: `${id}-notice` });
  const { state, reset } = form;
  useEffect(() => {
    if (clearOnSave && state.status === "saved") reset(Object.fromEntries(Object.keys(defaults).map((name) => [name, ""])));
    // Only a new saved answer clears; the defaults are the same on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, clearOnSave, reset]);

  const day = withDay ? form.field("day") : undefined;
  return (
    <ServerForm form={form} className="edit-form" submitLabel={submitLabel} pendingLabel={submitLabel}>
      {day ? (
        <Field label="Day" {...day.props}>
          <input type="date" {...day.input} />
        </Field>
      ) : null}
      {groups.map((group) => (
        <FieldSet key={group.name} name={`${id}-${group.name}`} legend={group.legend} error={form.errorFor(group.name)}>
          {Array.from({ length: rows(group) }, (_, index) => {
            const names = rangeFieldNames(group.name, index);
            const start = form.field(names.start);
            const end = form.field(names.end);
            const errors = [start, end].map((field) => ({ id: `${field.input.id}-error`, message: field.props.error })).filter((error) => error.message);
            return (
              <div key={index} className="hours-range">
                <TimeOfDay word="From" context={`${group.legend}, hours ${index + 1}: `} input={start.input} />
                <TimeOfDay word="Until" context={`${group.legend}, hours ${index + 1}: `} input={end.input} />
                {errors.map((error) => (
                  <p key={error.id} className="field-error" id={error.id}>
                    {error.message}
                  </p>
                ))}
              </div>
            );
          })}
        </FieldSet>
      ))}
    </ServerForm>
  );
}

/** One end of a range, "From" or "Until" on screen; a screen reader hears which day and row it belongs to first. */
export function TimeOfDay({ word, context, input }: { word: string; context: string; input: InputHTMLAttributes<HTMLInputElement> }) {
  return (
    <label>
      <span>
        <span className="visually-hidden">{context}</span>
        {word}
      </span>
      <input type="time" step={60} {...input} />
    </label>
  );
}
