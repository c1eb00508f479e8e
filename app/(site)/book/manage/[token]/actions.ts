"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { cancelBookingByVisitor, rescheduleBookingByVisitor, type ManageFormState } from "@/lib/booking/manage-booking";

// Public endpoints: the token in the form is the only credential, and lib/booking checks it, the status and the cut-off.

async function change(formData: FormData, work: typeof cancelBookingByVisitor): Promise<ManageFormState> {
  const result = await work.answer(formData);
  if (result.status !== "done") return result;
  redirect(`/book/manage/${result.token}?done=${result.outcome}` as Route);
}

export async function cancelBookingAction(_previous: ManageFormState, formData: FormData): Promise<ManageFormState> {
  return change(formData, cancelBookingByVisitor);
}

export async function rescheduleBookingAction(_previous: ManageFormState, formData: FormData): Promise<ManageFormState> {
  return change(formData, rescheduleBookingByVisitor);
}
