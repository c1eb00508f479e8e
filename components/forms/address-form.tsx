"use client";

import type { ReactNode } from "react";
import { Field } from "@/components/ui/field";
import type { FormResult } from "@/lib/forms/form-result";
import { addressFormSchema } from "@/lib/forms/fields";
import { FormAnswer } from "./form-answer";
import { ServerForm } from "./server-form";
import { useServerForm } from "./use-server-form";

type AddressFormProps = {
  action: (state: FormResult<"email">, formData: FormData) => Promise<FormResult<"email">>;
  formKey: string;
  label: string;
  submitLabel: string;
  /** What replaces the form once the address is accepted, where the action does not move on. */
  accepted?: ReactNode;
};

/**
 * A form that asks for one email address and sends a link to it: "email me a
 * sign-in link", "email me a new library link". It answers the same whether
 * or not the address is known.
 */
export function AddressForm({ action, formKey, label, submitLabel, accepted }: AddressFormProps) {
  const form = useServerForm({ action, schema: addressFormSchema });
  if (form.state.status === "success" && accepted)
    return (
      <FormAnswer id={form.noticeId} answer={form.state}>
        {accepted}
      </FormAnswer>
    );
  return (
    <ServerForm form={form} formKey={formKey} submitLabel={submitLabel} pendingLabel="Sending…">
      <Field label={label} {...form.field("email").props}>
        <input type="email" autoComplete="email" inputMode="email" maxLength={254} {...form.field("email").input} />
      </Field>
    </ServerForm>
  );
}
