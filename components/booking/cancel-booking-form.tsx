"use client";

import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import type { ManageFormState } from "@/lib/booking/manage-booking";
import { cancelBookingSchema } from "@/lib/booking/manage-schema";

type CancelBookingFormProps = {
  token: string;
  action: (state: ManageFormState, formData: FormData) => Promise<ManageFormState>;
};

/**
 * One button, behind a disclosure so it is never pressed by accident. The
 * action re-checks the cut-off; a refusal (too late, or changed meanwhile)
 * shows here, and success reloads the booking's page with the news.
 */
export function CancelBookingForm({ token, action }: CancelBookingFormProps) {
  const form = useServerForm({
    noticeId: "cancel-problem",
    action,
    schema: cancelBookingSchema,
    defaults: { token },
    idPrefix: "cancel",
  });
  // Open again when it comes back refused, or the answer would be hidden in the closed disclosure.
  return (
    <details className="cancel" open={form.state.status === "invalid" || undefined}>
      <summary className="button button-secondary">Cancel this appointment</summary>
      <p>The time will be freed for someone else. You can book again whenever you like.</p>
      <ServerForm form={form} submitLabel="Yes, cancel my appointment" pendingLabel="Cancelling…" buttonClassName="button button-danger">
        <input type="hidden" {...form.field("token").input} />
      </ServerForm>
    </details>
  );
}
