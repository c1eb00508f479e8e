"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { cancelBookingByVisitor, rescheduleBookingByVisitor, type ManageActionResult, type ManageFormState } from "@/lib/booking/manage-booking";
import { refusal } from "@/lib/forms/form-result";
import { answerPublicForm } from "@/lib/forms/public-action";

// Public endpoints: the token in the form is the only credential, and lib/booking checks it, the status and the cut-off.

const manageForm = {
  name: "booking-change",
  ourFault: () =>
    refusal<"startsAt" | "token">({
      formError:
        "We could not change your booking just now because of a problem on our side. Nothing has changed; please try again in a few minutes, or contact the practice.",
    }),
};

async function change(formData: FormData, work: typeof cancelBookingByVisitor): Promise<ManageFormState> {
  const result: ManageActionResult = await answerPublicForm(manageForm, formData, (context) => work(formData, context));
  if (result.status !== "done") return result;
  redirect(`/book/manage/${result.token}?done=${result.outcome}` as Route);
}

export async function cancelBookingAction(_previous: ManageFormState, formData: FormData): Promise<ManageFormState> {
  return change(formData, cancelBookingByVisitor);
}

export async function rescheduleBookingAction(_previous: ManageFormState, formData: FormData): Promise<ManageFormState> {
  return change(formData, rescheduleBookingByVisitor);
}
