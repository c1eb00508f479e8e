"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { confirmHoldButton } from "@/lib/booking/hold";
import { requestBooking, type BookingRequestState } from "@/lib/booking/request-booking";
import { postedToken } from "@/lib/forms/token-form";

/**
 * Public endpoint: anyone may post here, so everything is checked in
 * lib/booking. Success lands on a page asking the visitor to confirm the
 * time from the email: the manage link goes only to the address, so whoever
 * typed someone else's address learns nothing and holds nothing for long.
 */
export async function requestBookingAction(_previous: BookingRequestState, formData: FormData): Promise<BookingRequestState> {
  const result = await requestBooking.answer(formData);
  if (result.status !== "held") return result;
  redirect("/book/check-your-email" as Route);
}

/**
 * Public endpoint: the "Confirm this time" button on the page a held
 * booking's email opens. The token in the form is the credential; a wrong
 * one confirms nothing and lands on the page that says so.
 */
export async function confirmHoldAction(formData: FormData): Promise<void> {
  const result = await confirmHoldButton.answer(formData);
  const token = postedToken(formData);
  if (!token) redirect("/book" as Route);
  const confirmed = result.status === "success" && result.outcome !== "gone";
  redirect((confirmed ? `/book/manage/${token}?new=1` : `/book/confirm/${token}`) as Route);
}
