import "server-only";
import { SIGNED_OUT_PATH } from "./auth.config";
import { signOut } from "./auth";
import { guardedRead } from "./guarded-operation";

/** Deletes the session row, clears the cookie, records it and redirects to the signed-out page. */
export const signOutTherapist = guardedRead(async ({ audit }): Promise<never> => {
  await audit({ action: "sign-out", subjectType: "session" });
  await signOut({ redirectTo: SIGNED_OUT_PATH });
  throw new Error("signOut did not redirect");
});
