"use server";

import { redirect } from "next/navigation";
import { SECOND_FACTOR_PATH } from "@/lib/auth/auth.config";
import { hasPasskey } from "@/lib/auth/second-factor";
import { setSessionCookie, takeReturnPath } from "@/lib/auth/session-cookie";
import { signInLinkButton } from "@/lib/auth/sign-in-button";
import { postedToken } from "@/lib/forms/token-form";

/**
 * Public endpoint: the "Sign in" button of the page an emailed link opens.
 * Only this POST spends the link; the page's GET never does.
 */
export async function confirmSignInAction(formData: FormData): Promise<void> {
  const pressed = await signInLinkButton.answer(formData);
  const result = pressed.status === "success" ? pressed.spent : ({ status: "invalid" } as const);
  if (result.status === "signed-in") {
    await setSessionCookie(result.sessionToken);
    // Half signed in until the passkey answers; the page it was heading for waits in its cookie.
    if (await hasPasskey(result.email)) redirect(SECOND_FACTOR_PATH);
    redirect((await takeReturnPath()) as "/admin");
  }
  // Back to the link's page, which now explains why it cannot be used.
  const token = postedToken(formData);
  redirect(token ? `/admin/sign-in/confirm/${token}` : "/admin/sign-in/confirm/not-valid");
}
