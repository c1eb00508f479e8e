"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { postedToken } from "@/lib/forms/token-form";
import { libraryCookie } from "@/lib/newsletter/library-cookie";
import { chooseSeriesButton, confirmSubscriptionButton, unsubscribeButton } from "@/lib/newsletter/link-buttons";
import { SIGNUP_FLASH_COOKIE, SIGNUP_FLASH_SECONDS, encodeSignupFlash } from "@/lib/newsletter/signup-flash";
import { subscribe, type SubscribeFormState } from "@/lib/newsletter/subscribe";

// Every export here is a public endpoint: each checks its own input in lib/newsletter.

async function signUp(formData: unknown): Promise<SubscribeFormState> {
  return subscribe.answer(formData);
}

/** The full form on /newsletter and /freebies. */
export async function subscribeAction(_previous: SubscribeFormState, formData: FormData): Promise<SubscribeFormState> {
  const result = await signUp(formData);
  // A refusal carried over from the plain form has now been answered.
  if (result.status === "success") (await cookies()).delete({ name: SIGNUP_FLASH_COOKIE, path: "/newsletter" });
  return result;
}

/**
 * The plain form in the footer and at the end of posts, which has no script
 * to show an answer in place: it moves to "check your inbox", or to
 * /newsletter with each problem beside its field and what was typed.
 */
export async function subscribeWithoutScriptAction(formData: FormData): Promise<void> {
  const result = await signUp(formData);
  if (result.status === "success") redirect(result.emailHeldBack ? "/newsletter/not-sent" : "/newsletter/check-your-inbox");
  if (result.status === "invalid") {
    (await cookies()).set(SIGNUP_FLASH_COOKIE, encodeSignupFlash(result), {
      httpOnly: true,
      sameSite: "lax",
      secure: env().NODE_ENV === "production",
      path: "/newsletter",
      maxAge: SIGNUP_FLASH_SECONDS,
    });
  }
  redirect("/newsletter#subscribe");
}

/** The "Confirm" button on the page a confirmation link opens. */
export async function confirmSubscriptionAction(formData: FormData): Promise<void> {
  const result = await confirmSubscriptionButton.answer(formData);
  const token = postedToken(formData);
  if (result.status !== "success" || !result.confirmation.confirmed) redirect(token ? `/newsletter/confirm/${token}` : "/newsletter");
  const { session } = result.confirmation;
  const cookie = libraryCookie();
  (await cookies()).set(cookie.name, session.token, cookie.options(session.expiresAt));
  redirect("/newsletter/confirmed");
}

/** The "Unsubscribe" button on the page the email's unsubscribe link opens. */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  const result = await unsubscribeButton.answer(formData);
  const token = postedToken(formData);
  if (result.status !== "success" || !result.unsubscribed) redirect(token ? `/newsletter/unsubscribe/${token}` : "/newsletter");
  redirect("/newsletter/unsubscribed");
}

/** "Send me the series" on the page a subscriber's own link opens; the token is the credential. */
export async function chooseSeriesAction(formData: FormData): Promise<void> {
  const result = await chooseSeriesButton.answer(formData);
  const token = postedToken(formData);
  if (!token) redirect("/newsletter");
  const chosen = result.status === "success" && result.chosen;
  redirect(`/newsletter/unsubscribe/${token}${chosen ? "?series=chosen" : ""}`);
}
