"use client";

import { Field } from "@/components/ui/field";
import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import type { WaitlistCodeState } from "@/lib/waitlist/place";
import { emailCodeSchema } from "@/lib/security/email-code-schema";

type WaitlistCodeFormProps = {
  stepToken: string;
  action: (state: WaitlistCodeState, formData: FormData) => Promise<WaitlistCodeState>;
};

/** The code from the email, typed where she joined; a right one takes her place in line. */
export function WaitlistCodeForm({ stepToken, action }: WaitlistCodeFormProps) {
  const form = useServerForm({ action, schema: emailCodeSchema, idPrefix: "waitlist" });
  const code = form.field("code", { hint: true });
  return (
    <ServerForm form={form} submitLabel="Confirm my place" pendingLabel="Confirming…" honeypotId="waitlist-website">
      <input type="hidden" name="token" value={stepToken} />
      <Field label="The 6-digit code from the email" hint="It was sent to the address you gave." {...code.props}>
        <input type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} size={8} className="code-input" {...code.input} />
      </Field>
    </ServerForm>
  );
}
