"use server";

import { redirect } from "next/navigation";
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
