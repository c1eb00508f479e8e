/**
 * Who is acting on the therapist's side. Every therapist-side function in
 * lib/booking takes it first. It must be the result of requireTherapist()
 * (lib/auth/guards.ts, on the private-area branch): the admin action or page
 * calls the guard and passes what it returns, so the check lives in the data
 * layer's signature and a caller that forgot it does not type-check.
 */
export type TherapistIdentity = { email: string };

/** A tripwire for a call that slipped through without the guard's result (from plain JavaScript, say). */
export function assertTherapist(therapist: TherapistIdentity | null | undefined): asserts therapist is TherapistIdentity {
  if (!therapist || typeof therapist.email !== "string" || !/^[^\s@]+@[^\s@]+$/.test(therapist.email)) {
    throw new Error("Booking: a therapist-side function was called without requireTherapist()'s result.");
  }
}
