import "server-only";
import { tokenButton } from "@/lib/forms/token-form";
import { confirmSubscription } from "./confirm";
import { chooseSeriesWithToken } from "./series";
import { unsubscribe } from "./unsubscribe";

// The buttons on the pages the newsletter's emailed links open, each behind
// the door every emailed-token form shares (lib/forms/token-form.ts).

/** "Confirm" on the page a confirmation link opens. */
export const confirmSubscriptionButton = tokenButton("newsletter-confirm").handle(async ({ token, now, form }) => ({
  status: "success" as const,
  confirmation: await confirmSubscription(token, now, { series: form.fields.series === "yes" }),
}));

/** "Unsubscribe" on the page the email's unsubscribe link opens. */
export const unsubscribeButton = tokenButton("newsletter-unsubscribe").handle(async ({ token, now }) => ({
  status: "success" as const,
  unsubscribed: await unsubscribe(token, now),
}));

/** "Send me the series" on the page a subscriber's own link opens. */
export const chooseSeriesButton = tokenButton("newsletter-series").handle(async ({ token, now }) => ({
  status: "success" as const,
  chosen: await chooseSeriesWithToken(token, now),
}));
