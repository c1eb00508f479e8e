"use server";

import { redirect } from "next/navigation";
import { makeNewRecoveryCodes, passkeyRegistrationOptions, registerPasskey, removePasskey } from "@/lib/admin/security";
import type { FormResult } from "@/lib/forms/form-result";

export type RecoveryCodesResult = FormResult<string, { recoveryCodes: string[] }>;

export async function passkeyRegistrationOptionsAction() {
  return passkeyRegistrationOptions();
}

export async function registerPasskeyAction(_previous: RecoveryCodesResult, formData: FormData): Promise<RecoveryCodesResult> {
  return registerPasskey(formData);
}

export async function removePasskeyAction(formData: FormData): Promise<void> {
  await removePasskey(formData);
  redirect("/admin/security");
}

export async function newRecoveryCodesAction(_previous: RecoveryCodesResult, formData: FormData): Promise<RecoveryCodesResult> {
  return makeNewRecoveryCodes(formData);
}
