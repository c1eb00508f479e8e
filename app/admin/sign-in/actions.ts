"use server";

import { redirect } from "next/navigation";
import { CHECK_EMAIL_PATH } from "@/lib/auth/auth.config";
import { requestSignInLink, signInForm, type SignInFormState } from "@/lib/auth/sign-in-link";
import { answerPublicForm } from "@/lib/forms/public-action";

/**
 * Public endpoint: anyone may ask for a link. lib/auth checks everything, and
 * every acceptable address is sent to the same "check your email" page; the
 * link goes out right after the response, since it is valid for ten minutes.
 */
export async function requestSignInLinkAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const result = await answerPublicForm(signInForm, formData, (context) => requestSignInLink(formData, context));
  if (result.status !== "success") return result;
  redirect(CHECK_EMAIL_PATH);
}
