"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { CHECK_EMAIL_PATH } from "@/lib/auth/auth.config";
import { requestSignInLink, type SignInFormState } from "@/lib/auth/sign-in-link";
import { signInFields, type SignInField } from "@/lib/auth/sign-in-schema";
import { dispatchOutbox } from "@/lib/email/dispatcher";
import { readSubmittedForm, refused } from "@/lib/forms/parse-form";
import { clientIp } from "@/lib/security/client-ip";

/**
 * Public endpoint: anyone may ask for a link. lib/auth checks everything, and
 * every acceptable address is sent to the same "check your email" page.
 */
export async function requestSignInLinkAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  let result: SignInFormState;
  try {
    result = await requestSignInLink(formData, { ip: clientIp(await headers()) });
  } catch (error) {
    console.error("sign-in: link could not be queued:", error instanceof Error ? error.name : "unknown error");
    return refused<SignInField>(readSubmittedForm(formData).fields, signInFields, {
      formError: "We could not send a sign-in link just now because of a problem on our side. Please try again in a few minutes.",
    });
  }
  if (result.status !== "success") return result;
  // Sent now rather than at the next sweep: the link is valid for ten minutes.
  after(() => dispatchOutbox().catch((error: unknown) => console.error("outbox: dispatch after sign-in request failed:", error instanceof Error ? error.message : "unknown error")));
  redirect(CHECK_EMAIL_PATH);
}
