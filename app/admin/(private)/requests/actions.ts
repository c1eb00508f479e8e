"use server";

import { redirect } from "next/navigation";
import type { ReplyField } from "@/lib/admin/reply-schema";
import { replyToRequest } from "@/lib/admin/replies";
import type { FormResult } from "@/lib/forms/form-result";
import { decideBooking } from "@/lib/admin/booking";

// Post/redirect/get: with JavaScript off the form posts and lands on the
// fresh booking page; the outcome is a fixed word, never text from the form.
export async function decideBookingAction(formData: FormData): Promise<void> {
  const result = await decideBooking(formData);
  const id = formData.get("id");
  const back = typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id) ? `/admin/requests/${id}` : "/admin/requests";
  if (result.status === "saved" && result.saved) redirect(`${back}?outcome=${result.saved.status}`);
  const invalid = result.status === "invalid" ? result.fieldErrors : {};
  redirect(`${back}?outcome=${invalid.anyway ? "busy" : invalid.note ? "note-too-long" : "refused"}`);
}

type ReplyFormResult = FormResult<ReplyField, { id: string; replyId: string }>;

// A sent reply returns to the page (post/redirect/get), which shows it in the thread; a refusal keeps what she wrote.
export async function replyToRequestAction(_previous: ReplyFormResult, formData: FormData): Promise<ReplyFormResult> {
  const result = await replyToRequest(formData);
  if (result.status !== "saved" || !result.saved) return result;
  redirect(`/admin/requests/${result.saved.id}?replied=1#replies`);
}
