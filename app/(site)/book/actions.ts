"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { bookingForm, requestBooking, type BookingRequestState } from "@/lib/booking/request-booking";
import { answerPublicForm } from "@/lib/forms/public-action";

/**
 * Public endpoint: anyone may post here, so everything is checked in
 * lib/booking. Success lands on the booking's own page, the same one the
 * email links to.
 */
export async function requestBookingAction(_previous: BookingRequestState, formData: FormData): Promise<BookingRequestState> {
  const result = await answerPublicForm(bookingForm, formData, (context) => requestBooking(formData, context));
  if (result.status !== "requested") return result;
  redirect(`/book/manage/${result.manageToken}?new=1` as Route);
}
