import "server-only";
import { env } from "@/lib/env";
import { normaliseEmailAddress } from "@/lib/forms/email-address";

/**
 * Whether `email` is one of the configured therapist addresses, read afresh
 * from THERAPIST_EMAILS on every call, so removing an address takes away
 * access at the next request. Exact match after normalisation: no suffix or
 * domain match, no look-alikes.
 */
export function isTherapistEmail(email: string | null | undefined): email is string {
  if (!email) return false;
  const normalised = normaliseEmailAddress(email);
  return normalised !== null && env().THERAPIST_EMAILS.includes(normalised);
}
