import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { holdByToken } from "@/lib/booking/hold";
import { confirmHoldAction } from "../../actions";
import { HeldTimeDetails, holdLeft } from "@/components/booking/held-time";
import { TokenButton } from "@/components/forms/token-button";

// The path carries the booking's manage token: as on the manage page, keep it
// out of search engines and out of Referer headers to other sites.
export const metadata: Metadata = {
  title: "Confirm this time",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

/**
 * What the link in a held booking's email opens. Opening it (as a mail
 * scanner does) confirms nothing; only the button, a POST, does, pressed by
 * the page itself when JavaScript runs.
 */
export default async function ConfirmHoldPage({ params }: PageProps<"/book/confirm/[token]">) {
  await connection();
  const { token } = await params;
  const hold = await holdByToken(token);
  if (hold.state === "confirmed") redirect(`/book/manage/${token}`);
  if (hold.state === "gone") {
    return (
      <div className="container prose">
        <h1>This time is no longer held</h1>
        <p>
          A time is held for a short while only, until it is confirmed from the email. This one lapsed, was cancelled,
          or the link is not complete. Nothing was booked.
        </p>
        <p>
          <Link href="/book">Choose a time again</Link>
        </p>
      </div>
    );
  }
  const { time } = hold;
  return (
    <div className="container prose">
      <h1>Confirm this time</h1>
      <HeldTimeDetails time={time} />
      <p>
        The time stays held {holdLeft(time)}. Press the button
        to send your request on.
      </p>
      <TokenButton action={confirmHoldAction} token={token} id="confirm-hold">
        Confirm this time
      </TokenButton>
      <p className="section">If you did not ask for this time, close this page: it will be released and nothing more is sent.</p>
    </div>
  );
}
