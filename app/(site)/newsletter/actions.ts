"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { postedToken } from "@/lib/forms/token-form";
import { libraryCookie } from "@/lib/newsletter/library-cookie";
import { chooseSeriesButton, confirmSubscriptionButton, unsubscribeButton } from "@/lib/newsletter/link-buttons";
import { subscribe, type SubscribeFormState } from "@/lib/newsletter/subscribe";

// Every export here is a public endpoint: each checks its own input in lib/newsletter.

/** Every signup form: the full one on /newsletter and /freebies, and the one in the footer and under each post. */
export async function subscribeAction(_previous: SubscribeFormState, formData: FormData): Promise<SubscribeFormState> {
  return subscribe.answer(formData);
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
