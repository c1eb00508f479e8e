"use server";

import { redirect } from "next/navigation";
import { passkeySignInOptions, verifyPasskeySignIn, type PasskeySignInResult } from "@/lib/auth/passkeys";
import { signInWithRecoveryCode } from "@/lib/auth/second-factor";
import { takeReturnPath } from "@/lib/auth/session-cookie";
import type { FormResult } from "@/lib/forms/form-result";

/** The challenge for the passkey prompt of a half-signed-in session. */
export async function passkeySignInOptionsAction() {
  return passkeySignInOptions();
}

/** The passkey's answer; verified, the sign-in is complete and she goes where she was heading. */
export async function verifyPasskeySignInAction(response: unknown): Promise<PasskeySignInResult> {
  const result = await verifyPasskeySignIn(response);
  if (result.status === "verified") redirect((await takeReturnPath()) as "/admin");
  return result;
}

/** A recovery code in place of the passkey: a plain form, so it works with JavaScript off. To Security, to replace what was lost. */
export async function recoveryCodeSignInAction(_previous: FormResult<"code">, formData: FormData): Promise<FormResult<"code">> {
  const result = await signInWithRecoveryCode(formData);
  if (result.status === "saved") redirect("/admin/security");
  return result;
}
