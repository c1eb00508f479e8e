import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { TokenButton } from "@/components/forms/token-button";
import { offerByToken } from "@/lib/waitlist/offers";
import { acceptOfferAction, declineOfferAction } from "../../actions";

// The path carries the held booking's manage token: keep it out of search engines and Referer headers.
export const metadata: Metadata = {
  title: "A time for you",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

/**
 * What the offer email's link opens: the time, in her zone, and until when
 * it is hers. Opening it books nothing; one press does (and, unlike a held
 * booking's confirm page, the page never presses it itself: she chooses).
 */
export default async function WaitlistOfferPage({ params }: PageProps<"/book/waitlist/offer/[token]">) {
  await connection();
  const { token } = await params;
  const found = await offerByToken(token);
  if (found.state === "booked") redirect(`/book/manage/${token}`);
  if (found.state === "gone") {
    return (
      <div className="container prose">
        <h1>This time is no longer held for you</h1>
        <p>
          An offer is held for a while only. This one was passed on, ran out, or the link is not complete; nothing was booked. Unless you left the
          waitlist, you keep your place for the next time that fits.
        </p>
        <p>
          <Link href="/book">Look at the booking page</Link>
        </p>
      </div>
    );
  }
  const { offer } = found;
  return (
    <div className="container prose">
      <h1>A time for you</h1>
      <p>This time fits what you told us, and it is held for you alone until {offer.until}.</p>
      <dl>
        <dt>Appointment</dt>
        <dd>{offer.sessionName}</dd>
        <dt>When</dt>
        <dd>
          {offer.when} ({offer.zone})
        </dd>
        <dt>Where</dt>
        <dd>{offer.format}</dd>
      </dl>
      <TokenButton action={acceptOfferAction} token={token} id="book-offer">
        Book this time
      </TokenButton>
      <h2>Not this time?</h2>
      <p>Pass it on and it goes to the next person in line. You keep your place for the next time that fits.</p>
      <TokenButton action={declineOfferAction} token={token} id="decline-offer" secondary>
        Pass this time on
      </TokenButton>
    </div>
  );
}
