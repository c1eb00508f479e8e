import type { Metadata } from "next";
import Link from "next/link";
import { confirmationIsOpen } from "@/lib/newsletter/confirm";
import { SERIES_TITLE } from "@/lib/newsletter/series";
import { confirmSubscriptionAction } from "../../actions";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };

/**
 * Opening the link shows a button; only pressing it confirms. Mail scanners
 * that follow links therefore confirm nothing.
 */
export default async function ConfirmPage({ params }: PageProps<"/newsletter/confirm/[token]">) {
  const { token } = await params;
  if (!(await confirmationIsOpen(token))) {
    return (
      <div className="container prose">
        <h1>This link can no longer be used</h1>
        <p>
          The confirmation link may have expired (links work for 7 days), been replaced by a newer one, or been used
          already. If you have already confirmed, you are subscribed and nothing more is needed.
        </p>
        <p>
          Otherwise, <Link href="/newsletter">sign up again</Link> and use the link in the newest email.
        </p>
      </div>
    );
  }
  return (
    <div className="container prose">
      <h1>Confirm your subscription</h1>
      <p>Press the button to start receiving the newsletter and open the library of freebies.</p>
      <form action={confirmSubscriptionAction}>
        <input type="hidden" name="token" value={token} />
        <p className="field">
          <label className="choice" htmlFor="series">
            <input type="checkbox" id="series" name="series" value="yes" />
            <span>
              Also send me the four-part series <em>{SERIES_TITLE}</em> by email, one part a week: a short excerpt and a
              link to each post. You can stop it with the newsletter&apos;s unsubscribe link.
            </span>
          </label>
        </p>
        <button type="submit" className="button">
          Confirm
        </button>
      </form>
      <p className="section">If you did not ask to subscribe, you can close this page; nothing will be sent to you.</p>
    </div>
  );
}
