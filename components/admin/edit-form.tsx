"use client";

import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field } from "@/components/ui/field";
import { type AvailabilityFormResult, type EditFormName, editFormSchemas } from "@/lib/admin/booking-schemas";

export type EditField = { name: string; label: string; defaultValue?: string; type?: "text" | "date"; hint?: string; maxLength?: number };

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
}: {
  action: (previous: AvailabilityFormResult, formData: FormData) => Promise<AvailabilityFormResult>;
  fields: EditField[];
  submitLabel: string;
  id: EditFormName;
}) {
  const form = useServerForm<string, { url?: string }>({
    noticeId: `${id}-notice`,
    action,
    schema: editFormSchemas[id],
    defaults: Object.fromEntries(fields.map((field) => [field.name, field.defaultValue ?? ""])),
    idPrefix: id,
  });
  const feedUrl = form.state.status === "saved" ? form.state.saved?.url : undefined;
  return (
    <ServerForm form={form} className="edit-form" submitLabel={submitLabel} pendingLabel={submitLabel}>
      {feedUrl ? (
        <p>
          <code className="feed-url" data-testid="feed-url">
            {feedUrl}
          </code>
        </p>
      ) : null}
      {fields.map(({ name, label, hint, type = "text", maxLength }) => {
        const { props, input } = form.field(name, { hint: Boolean(hint) });
        return (
          <Field key={name} label={label} hint={hint} {...props}>
            <input type={type} maxLength={maxLength} {...input} />
          </Field>
        );
      })}
    </ServerForm>
  );
}
