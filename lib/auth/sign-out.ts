import "server-only";
import { getDb } from "@/db/client";
import { recordAuditEvent } from "@/lib/audit/record";
import { SIGNED_OUT_PATH } from "./auth.config";
import { signOut } from "./auth";
import { requireTherapist } from "./guards";

/** Deletes the session row, clears the cookie, records it and redirects to the signed-out page. */
export async function signOutTherapist(): Promise<never> {
  const therapist = await requireTherapist();
  await recordAuditEvent(await getDb(), { actor: therapist.email, action: "sign-out", subjectType: "session" });
  await signOut({ redirectTo: SIGNED_OUT_PATH });
  throw new Error("signOut did not redirect");
}
