"use client";

import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field, FieldError } from "@/components/ui/field";
import { type ErasePersonField, type ErasePersonResult, erasePersonSchema } from "@/lib/privacy/erase-schema";

type ErasePersonFormProps = { action: (state: ErasePersonResult, formData: FormData) => Promise<ErasePersonResult> };

/** The erase form; what was deleted comes back as the saved message, counts only. */
export function ErasePersonForm({ action }: ErasePersonFormProps) {
  const form = useServerForm<ErasePersonField, Record<string, number>>({ action, schema: erasePersonSchema });
  const { field } = form;
  return (
    <ServerForm form={form} submitLabel="Erase this person" pendingLabel="Erasing…" buttonClassName="button button-danger">
      <Field label="The person's email address" {...field("email").props}>
        <input type="email" autoComplete="off" maxLength={254} {...field("email").input} />
      </Field>
      <div className="field">
        <label className="choice" htmlFor="confirm-yes">
          <input type="checkbox" {...field("confirm").choice("yes")} />
          <span>I understand that everything held about this person is deleted now and cannot be restored.</span>
        </label>
        <FieldError {...field("confirm").props} />
      </div>
    </ServerForm>
  );
}
