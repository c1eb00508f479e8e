"use client";

import { Field } from "@/components/ui/field";
import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import type { HoldCodeState } from "@/lib/booking/hold-code";
import { emailCodeSchema } from "@/lib/security/email-code-schema";

type HoldCodeFormProps = {
  /** The code step's token: the form's credential, from the page's address. */
  stepToken: string;
  action: (state: HoldCodeState, formData: FormData) => Promise<HoldCodeState>;
};

/**
 * The code from the email, typed where the time was asked for. A phone offers
 * its number pad and, from a message it has read, the code itself
 * (autocomplete="one-time-code"); without JavaScript the same action answers
 * a plain post. A right code moves on to the booking's page; a wrong one says
 * so beside the field, with the tries left.
 */
export function HoldCodeForm({ stepToken, action }: HoldCodeFormProps) {
  const form = useServerForm({ action, schema: emailCodeSchema, idPrefix: "hold" });
  const code = form.field("code", { hint: true });
  return (
    <ServerForm form={form} submitLabel="Confirm this time" pendingLabel="Confirming…" honeypotId="hold-website">
      <input type="hidden" name="token" value={stepToken} />
      <Field label="The 6-digit code from the email" hint="It was sent to the address you gave, with this appointment's details." {...code.props}>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          size={8}
          className="code-input"
          {...code.input}
        />
      </Field>
    </ServerForm>
  );
}
