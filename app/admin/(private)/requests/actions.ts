"use server";

import { revalidatePath } from "next/cache";
import type { BookingDecisionResult } from "@/lib/admin/booking-schemas";
import type { ReplyField } from "@/lib/admin/reply-schema";
import { replyToRequest } from "@/lib/admin/replies";
import type { FormResult } from "@/lib/forms/form-result";
import { decideBooking } from "@/lib/admin/booking";

// The decision form stays on the page and answers beside itself; the page is
// refreshed so the booking's new state shows with it.
export async function decideBookingAction(_previous: BookingDecisionResult, formData: FormData): Promise<BookingDecisionResult> {
  const result = await decideBooking(formData);
  if (result.status === "saved" && result.saved) revalidatePath(`/admin/requests/${result.saved.id}`);
  return result;
}

type ReplyFormResult = FormResult<ReplyField, { id: string; replyId: string }>;

// The answer stays beside the form, and the page is refreshed so the thread shows the reply; a refusal keeps what she wrote.
export async function replyToRequestAction(_previous: ReplyFormResult, formData: FormData): Promise<ReplyFormResult> {
  const result = await replyToRequest(formData);
  if (result.status === "saved" && result.saved) revalidatePath(`/admin/requests/${result.saved.id}`);
  return result;
}
