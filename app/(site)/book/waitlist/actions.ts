"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { postedToken } from "@/lib/forms/token-form";
import { joinWaitlist, type WaitlistJoinState } from "@/lib/waitlist/join";
import { acceptOfferButton, declineOfferButton } from "@/lib/waitlist/offers";
import { confirmPlaceButton, confirmPlaceByCode, leaveButton, stayButton, type WaitlistCodeState } from "@/lib/waitlist/place";

/**
 * Public endpoint: anyone may post here, so everything is checked in
 * lib/waitlist. Success lands on the page that asks for the code just
 * emailed; held back, on the page that says no email is coming.
 */
export async function joinWaitlistAction(_previous: WaitlistJoinState, formData: FormData): Promise<WaitlistJoinState> {
  const result = await joinWaitlist.answer(formData);
  if (result.status === "unconfirmed") redirect(`/book/waitlist/check-your-email/${result.stepToken}` as Route);
  if (result.status === "held-back") redirect("/book/waitlist/email-held-back" as Route);
  return result;
}

/** Public endpoint: the code typed after joining; the step token in the form is the credential. */
export async function confirmPlaceByCodeAction(_previous: WaitlistCodeState, formData: FormData): Promise<WaitlistCodeState> {
  const result = await confirmPlaceByCode.answer(formData);
  if (result.status === "waiting") redirect(`/book/waitlist/place/${result.placeToken}` as Route);
  return result;
}

/** Public endpoints: the buttons on her place's page; its token is the credential, and each lands back on the page. */
export async function confirmPlaceAction(formData: FormData): Promise<void> {
  await confirmPlaceButton.answer(formData);
  backToPlace(formData);
}

export async function stayAction(formData: FormData): Promise<void> {
  await stayButton.answer(formData);
  backToPlace(formData);
}

export async function leaveAction(formData: FormData): Promise<void> {
  await leaveButton.answer(formData);
  const token = postedToken(formData);
  redirect((token ? `/book/waitlist/leave/${token}` : "/book") as Route);
}

function backToPlace(formData: FormData): never {
  const token = postedToken(formData);
  redirect((token ? `/book/waitlist/place/${token}` : "/book") as Route);
}

/** Public endpoints: "Book this time" and "Not this time" on an offer's page; the held booking's token is the credential. */
export async function acceptOfferAction(formData: FormData): Promise<void> {
  const result = await acceptOfferButton.answer(formData);
  const token = postedToken(formData);
  if (!token) redirect("/book" as Route);
  const booked = result.status === "success" && (result.answer === "booked" || result.answer === "already");
  redirect((booked ? `/book/manage/${token}?new=1` : `/book/waitlist/offer/${token}`) as Route);
}

export async function declineOfferAction(formData: FormData): Promise<void> {
  await declineOfferButton.answer(formData);
  const token = postedToken(formData);
  redirect((token ? `/book/waitlist/offer/${token}` : "/book") as Route);
}
