"use server";

import { redirect } from "next/navigation";
import { CHECK_EMAIL_PATH } from "@/lib/auth/auth.config";
import { requestSignInLink, type SignInFormState } from "@/lib/auth/sign-in-link";

/**
 * Public endpoint: anyone may ask for a link. lib/auth checks everything, and
 * every acceptable address is sent to the same "check your email" page; the
 * link goes out right after the response, since it is valid for ten minutes.
 */
export async function requestSignInLinkAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const result = await requestSignInLink.answer(formData);
  if (result.status !== "success") return result;
  redirect(CHECK_EMAIL_PATH);
}
