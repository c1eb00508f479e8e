"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { confirmHold } from "@/lib/booking/hold";
import { bookingForm, requestBooking, type BookingRequestState } from "@/lib/booking/request-booking";
import { answerPublicForm } from "@/lib/forms/public-action";
import { isIssuedToken } from "@/lib/security/issued-token";

/**
 * Public endpoint: anyone may post here, so everything is checked in
 * lib/booking. Success lands on a page asking the visitor to confirm the
 * time from the email: the manage link goes only to the address, so whoever
 * typed someone else's address learns nothing and holds nothing for long.
 */
export async function requestBookingAction(_previous: BookingRequestState, formData: FormData): Promise<BookingRequestState> {
  const result = await answerPublicForm(bookingForm, formData, (context) => requestBooking(formData, context));
  if (result.status !== "held") return result;
  redirect("/book/check-your-email" as Route);
}

/**
 * Public endpoint: the "Confirm this time" button on the page a held
 * booking's email opens. The token in the form is the credential; a wrong
 * one confirms nothing and lands on the page that says so.
 */
export async function confirmHoldAction(formData: FormData): Promise<void> {
  const token = formData.get("token");
  if (!isIssuedToken(token)) redirect("/book" as Route);
  const outcome = await confirmHold(token);
  redirect((outcome === "gone" ? `/book/confirm/${token}` : `/book/manage/${token}?new=1`) as Route);
}
