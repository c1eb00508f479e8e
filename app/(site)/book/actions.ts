"use server";

import type { Route } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { errorLabel } from "@/lib/booking/db-errors";
import { type BookingRequestState, requestBooking } from "@/lib/booking/request-booking";
import { type BookingField, bookingFields } from "@/lib/booking/schema";
import { dispatchOutbox } from "@/lib/email/dispatcher";
import { readSubmittedForm, refused } from "@/lib/forms/parse-form";
import { clientIp } from "@/lib/security/client-ip";

/**
 * Public endpoint: anyone may post here, so everything is checked in
 * lib/booking. Success lands on the booking's own page, the same one the
 * email links to.
 */
export async function requestBookingAction(_previous: BookingRequestState, formData: FormData): Promise<BookingRequestState> {
  let result: Awaited<ReturnType<typeof requestBooking>>;
  try {
    result = await requestBooking(formData, { ip: clientIp(await headers()) });
  } catch (error) {
    // Most likely the database is unreachable. Keep what the visitor typed.
    console.error("booking: request failed:", errorLabel(error));
    return refused<BookingField>(readSubmittedForm(formData).fields, bookingFields, {
      formError:
        "We could not send your request just now because of a problem on our side. Nothing you typed is lost; please try again in a few minutes, or email the practice directly.",
    }) as BookingRequestState;
  }
  if (result.status !== "requested") return result;
  after(() => dispatchOutbox().catch((error: unknown) => console.error("outbox: dispatch after booking failed:", errorLabel(error))));
  redirect(`/book/manage/${result.manageToken}?new=1` as Route);
}
