"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { answerPublicForm } from "@/lib/forms/public-action";
import { confirmSubscription } from "@/lib/newsletter/confirm";
import { chooseSeriesWithToken } from "@/lib/newsletter/series";
import { libraryCookie } from "@/lib/newsletter/library-cookie";
import { SIGNUP_FLASH_COOKIE, SIGNUP_FLASH_SECONDS, encodeSignupFlash } from "@/lib/newsletter/signup-flash";
import { subscribe, subscribeForm, type SubscribeFormState } from "@/lib/newsletter/subscribe";
import { unsubscribe } from "@/lib/newsletter/unsubscribe";
import { isIssuedToken } from "@/lib/security/issued-token";

// Every export here is a public endpoint: each checks its own input in lib/newsletter.

async function signUp(formData: unknown): Promise<SubscribeFormState> {
  return answerPublicForm(subscribeForm, formData, (context) => subscribe(formData, context));
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
  if (result.status === "success") redirect("/newsletter/check-your-inbox");
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
  const token = formData instanceof FormData ? formData.get("token") : null;
  const series = formData instanceof FormData && formData.get("series") === "yes";
  const result = typeof token === "string" ? await confirmSubscription(token, new Date(), { series }) : { confirmed: false as const };
  if (!result.confirmed) redirect(isIssuedToken(token) ? `/newsletter/confirm/${token}` : "/newsletter");
  const cookie = libraryCookie();
  (await cookies()).set(cookie.name, result.session.token, cookie.options(result.session.expiresAt));
  redirect("/newsletter/confirmed");
}

/** The "Unsubscribe" button on the page the email's unsubscribe link opens. */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  const token = formData instanceof FormData ? formData.get("token") : null;
  const done = typeof token === "string" && (await unsubscribe(token));
  if (!done) redirect(isIssuedToken(token) ? `/newsletter/unsubscribe/${token}` : "/newsletter");
  redirect("/newsletter/unsubscribed");
}

/** "Send me the series" on the page a subscriber's own link opens; the token is the credential. */
export async function chooseSeriesAction(formData: FormData): Promise<void> {
  const token = formData instanceof FormData ? formData.get("token") : null;
  if (!isIssuedToken(token)) redirect("/newsletter");
  const chosen = await chooseSeriesWithToken(token);
  redirect(`/newsletter/unsubscribe/${token}${chosen ? "?series=chosen" : ""}`);
}
