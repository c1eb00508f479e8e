import type { Therapist } from "@/lib/auth/guards";

/**
 * A tripwire for a call that slipped through without requireTherapist()'s
 * result (from plain JavaScript, say). Every therapist-side function in
 * lib/booking takes that result first, so a caller that skipped the guard
 * does not type-check; they read only who is acting, for the record, so the
 * email is all they ask of a Therapist.
 */
export function assertTherapist(therapist: Pick<Therapist, "email"> | null | undefined): asserts therapist is Pick<Therapist, "email"> {
  if (!therapist || typeof therapist.email !== "string" || !/^[^\s@]+@[^\s@]+$/.test(therapist.email)) {
    throw new Error("Booking: a therapist-side function was called without requireTherapist()'s result.");
  }
}
