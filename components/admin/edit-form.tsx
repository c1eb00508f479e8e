"use client";

import { useEffect } from "react";
import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Agreement, Field, FieldHint } from "@/components/ui/field";
import { type AvailabilityFormResult, type EditFormName, editFormSchemas } from "@/lib/admin/booking-schemas";
import { CopyField } from "./copy-field";

export type EditField = { name: string; label: string; defaultValue?: string; type?: "text" | "date" | "url" | "checkbox"; hint?: string; maxLength?: number };

/**
 * A small availability form: the shared server-form wiring around a list of
 * text or date fields. The schema is picked by the form's name, since a zod
 * schema cannot travel from a server component as a prop; the form's name
 * also prefixes every id, so several forms share the page.
 */
export function EditForm({
  action,
  fields,
  submitLabel,
  id,
  clearOnSave = false,
}: {
  action: (previous: AvailabilityFormResult, formData: FormData) => Promise<AvailabilityFormResult>;
  fields: EditField[];
  submitLabel: string;
  id: EditFormName;
  /** A form that adds something (time off, a calendar) empties once it is saved, ready for the next. */
  clearOnSave?: boolean;
}) {
  const form = useServerForm<string, { url?: string }>({
    noticeId: `${id}-notice`,
    action,
    schema: editFormSchemas[id],
    defaults: Object.fromEntries(fields.map((field) => [field.name, field.defaultValue ?? ""])),
    idPrefix: id,
  });
  const { state, reset } = form;
  useEffect(() => {
    if (clearOnSave && state.status === "saved") reset(Object.fromEntries(fields.map((field) => [field.name, ""])));
    // Only a new saved answer clears; the fields' list is the same on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, clearOnSave, reset]);
  const feedUrl = form.state.status === "saved" ? form.state.saved?.url : undefined;
  return (
    <ServerForm form={form} className="edit-form" submitLabel={submitLabel} pendingLabel={submitLabel}>
      {feedUrl ? (
        <CopyField label="Your feed address" value={feedUrl} testId="feed-url" />
      ) : null}
      {fields.map(({ name, label, hint, type = "text", maxLength }) => {
        const { props, input, checkbox } = form.field(name, { hint: Boolean(hint) });
        if (type === "checkbox") {
          return (
            <Agreement key={name} field={{ props, checkbox }} after={<FieldHint name={props.name} hint={hint} />}>
              {label}
            </Agreement>
          );
        }
        return (
          <Field key={name} label={label} hint={hint} {...props}>
            <input type={type} maxLength={maxLength} autoComplete={type === "url" ? "off" : undefined} {...input} />
          </Field>
        );
      })}
    </ServerForm>
  );
}
