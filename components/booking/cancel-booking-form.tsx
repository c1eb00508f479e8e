"use client";

import { useActionState } from "react";
import type { ManageActionState } from "@/lib/booking/manage-booking";

type CancelBookingFormProps = {
  token: string;
  action: (state: ManageActionState, formData: FormData) => Promise<ManageActionState>;
};

/**
 * One button, behind a disclosure so it is never pressed by accident. The
 * action re-checks the cut-off; a refusal (too late, or changed meanwhile)
 * shows here, and success reloads the booking's page with the news.
 */
export function CancelBookingForm({ token, action }: CancelBookingFormProps) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="form">
      {state.status === "refused" ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <div>
        <button type="submit" className="button button-danger" aria-disabled={pending} disabled={pending}>
          {pending ? "Cancelling…" : "Yes, cancel my appointment"}
        </button>
      </div>
    </form>
  );
}
