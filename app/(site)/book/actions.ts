"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { confirmHoldByCode, newHoldCode, type HoldCodeState } from "@/lib/booking/hold-code";
import { confirmHoldButton } from "@/lib/booking/hold";
import { requestBooking, type BookingRequestState } from "@/lib/booking/request-booking";
import { postedToken } from "@/lib/forms/token-form";

/**
 * Public endpoint: anyone may post here, so everything is checked in
 * lib/booking. Success lands on the page that asks for the code just
 * emailed: the manage link goes only to the address, so whoever typed
 * someone else's address learns nothing and holds nothing for long. When
 * that email was held back, the page says so instead.
 */
export async function requestBookingAction(_previous: BookingRequestState, formData: FormData): Promise<BookingRequestState> {
  const result = await requestBooking.answer(formData);
  if (result.status === "held") redirect(`/book/check-your-email/${result.stepToken}` as Route);
  if (result.status === "held-back") redirect("/book/email-held-back" as Route);
  return result;
}

/**
 * Public endpoint: the code typed on the page after "Request this time". The
 * step token in the form is the credential; a right code lands on the
 * booking's own page, anything else comes back beside the field.
 */
export async function confirmHoldByCodeAction(_previous: HoldCodeState, formData: FormData): Promise<HoldCodeState> {
  const result = await confirmHoldByCode.answer(formData);
  if (result.status === "confirmed") redirect(`/book/manage/${result.manageToken}?new=1` as Route);
  return result;
}

/** Public endpoint: "Send a new code" on the same page; its answer shows there. */
export async function newHoldCodeAction(formData: FormData): Promise<void> {
  const result = await newHoldCode.answer(formData);
  const token = postedToken(formData);
  if (!token) redirect("/book" as Route);
  const answer = result.status === "success" ? result.answer : "too-many";
  redirect(`/book/check-your-email/${token}?new-code=${answer}` as Route);
}

/**
 * Public endpoint: "Confirm this time" on the page a held booking's email
 * opens (pressed by the page itself when JavaScript runs). The token in the
 * form is the credential; a wrong one confirms nothing and lands on the page
 * that says so.
 */
export async function confirmHoldAction(formData: FormData): Promise<void> {
  const result = await confirmHoldButton.answer(formData);
  const token = postedToken(formData);
  if (!token) redirect("/book" as Route);
  const confirmed = result.status === "success" && result.outcome !== "gone";
  redirect((confirmed ? `/book/manage/${token}?new=1` : `/book/confirm/${token}`) as Route);
}
