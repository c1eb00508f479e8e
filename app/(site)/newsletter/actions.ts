"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { dispatchOutbox } from "@/lib/email/dispatcher";
import { env } from "@/lib/env";
import { readSubmittedForm, refused } from "@/lib/forms/parse-form";
import { confirmSubscription } from "@/lib/newsletter/confirm";
import { libraryCookie } from "@/lib/newsletter/library-cookie";
import { subscribeFields, type SubscribeField } from "@/lib/newsletter/schema";
import { SIGNUP_FLASH_COOKIE, SIGNUP_FLASH_SECONDS, encodeSignupFlash } from "@/lib/newsletter/signup-flash";
import { subscribe, type SubscribeFormState } from "@/lib/newsletter/subscribe";
import { unsubscribe } from "@/lib/newsletter/unsubscribe";
import { clientIp } from "@/lib/security/client-ip";

// Every export here is a public endpoint: each checks its own input in lib/newsletter.

const OUR_FAULT =
  "We could not sign you up just now because of a problem on our side. Nothing you typed is lost; please try again in a few minutes.";

async function signUp(formData: FormData): Promise<SubscribeFormState> {
  try {
    const result = await subscribe(formData, { ip: clientIp(await headers()) });
    if (result.status === "success") after(() => dispatchOutbox().catch(logDispatchFailure));
    return result;
  } catch (error) {
    console.error("newsletter: signup could not be stored:", error instanceof Error ? error.name : "unknown error");
    return refused<SubscribeField>(readSubmittedForm(formData).fields, subscribeFields, { formError: OUR_FAULT });
  }
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
  const token = formData.get("token");
  const result = typeof token === "string" ? await confirmSubscription(token) : { confirmed: false as const };
  if (!result.confirmed) redirect(typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token) ? `/newsletter/confirm/${token}` : "/newsletter");
  after(() => dispatchOutbox().catch(logDispatchFailure));
  const cookie = libraryCookie();
  (await cookies()).set(cookie.name, result.session.token, cookie.options(result.session.expiresAt));
  redirect("/newsletter/confirmed");
}

/** The "Unsubscribe" button on the page the email's unsubscribe link opens. */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  const token = formData.get("token");
  const done = typeof token === "string" && (await unsubscribe(token));
  if (!done) redirect(typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token) ? `/newsletter/unsubscribe/${token}` : "/newsletter");
  redirect("/newsletter/unsubscribed");
}

function logDispatchFailure(error: unknown) {
  console.error("outbox: dispatch after a newsletter action failed:", error instanceof Error ? error.message : "unknown error");
}
