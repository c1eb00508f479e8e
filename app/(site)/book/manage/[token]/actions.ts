"use server";

import type { Route } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { errorLabel } from "@/lib/booking/db-errors";
import { type ManageActionState, cancelBookingByVisitor, rescheduleBookingByVisitor } from "@/lib/booking/manage-booking";
import { dispatchOutbox } from "@/lib/email/dispatcher";
import { clientIp } from "@/lib/security/client-ip";

// Public endpoints: the token in the form is the only credential, and lib/booking checks it, the status and the cut-off.

const OUR_PROBLEM: ManageActionState = {
  status: "refused",
  message: "We could not change your booking just now because of a problem on our side. Nothing has changed; please try again in a few minutes, or contact the practice.",
};

function afterChange(token: string, outcome: "cancelled" | "rescheduled"): never {
  after(() => dispatchOutbox().catch((error: unknown) => console.error("outbox: dispatch after booking change failed:", errorLabel(error))));
  redirect(`/book/manage/${token}?done=${outcome}` as Route);
}

export async function cancelBookingAction(_previous: ManageActionState, formData: FormData): Promise<ManageActionState> {
  let result: ManageActionState;
  try {
    result = await cancelBookingByVisitor(formData, { ip: clientIp(await headers()) });
  } catch (error) {
    console.error("booking: cancel failed:", errorLabel(error));
    return OUR_PROBLEM;
  }
  if (result.status === "done") afterChange(result.token, result.outcome);
  return result;
}

export async function rescheduleBookingAction(_previous: ManageActionState, formData: FormData): Promise<ManageActionState> {
  let result: ManageActionState;
  try {
    result = await rescheduleBookingByVisitor(formData, { ip: clientIp(await headers()) });
  } catch (error) {
    console.error("booking: reschedule failed:", errorLabel(error));
    return OUR_PROBLEM;
  }
  if (result.status === "done") afterChange(result.token, result.outcome);
  return result;
}
