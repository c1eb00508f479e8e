import "server-only";
import { redirect } from "next/navigation";
import { SIGN_IN_PATH } from "./auth.config";
import { auth } from "./auth";
import { isTherapistEmail } from "./therapists";

export type Therapist = { email: string; userId: string };

/**
 * The signed-in therapist, or null. A session alone is not enough: its
 * address must be in THERAPIST_EMAILS now, so removing an address ends that
 * person's access at their next request. Reads the session cookie only, so
 * no other request header (x-middleware-subrequest included) changes the
 * answer.
 */
export async function currentTherapist(): Promise<Therapist | null> {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null } | undefined;
  if (!user?.id || !isTherapistEmail(user.email)) return null;
  return { email: user.email, userId: user.id };
}

/**
 * The gate of the private area. Every private read and write in lib/ calls
 * this first; pages, actions and proxy.ts add nothing it relies on. Anyone
 * else is sent to the sign-in page (a redirect in pages, route handlers and
 * server actions alike).
 */
export async function requireTherapist(): Promise<Therapist> {
  const therapist = await currentTherapist();
  if (!therapist) redirect(SIGN_IN_PATH);
  return therapist;
}
