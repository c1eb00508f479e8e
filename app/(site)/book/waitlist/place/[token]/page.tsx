import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TokenButton } from "@/components/forms/token-button";
import { placeByToken } from "@/lib/waitlist/place";
import { confirmPlaceAction, stayAction } from "../../actions";

export const metadata: Metadata = {
  title: "Your place on the waitlist",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

/**
 * Her place, from the link in any waitlist email: what she is waiting for,
 * and one button for what she may do now (confirm, stay on). Opening the
 * page changes nothing.
 */
export default async function WaitlistPlacePage({ params }: PageProps<"/book/waitlist/place/[token]">) {
  await connection();
  const { token } = await params;
  const found = await placeByToken(token);
  if (found.state === "gone") {
    return (
      <div className="container prose">
        <h1>You are not on the waitlist</h1>
        <p>This place has ended: you left it, booked a time, it ran out, or the link is not complete. Nothing more will be sent about it.</p>
        <p>
          <Link href="/book">Look for a time</Link> or <Link href="/book/waitlist">join the waitlist again</Link>.
        </p>
      </div>
    );
  }
  const { place } = found;
  return (
    <div className="container prose">
      <h1>{place.status === "unconfirmed" ? "Confirm your place on the waitlist" : "Your place on the waitlist"}</h1>
      {place.status === "unconfirmed" ? (
        <>
          <p>Press the button to take your place in line.</p>
          <TokenButton action={confirmPlaceAction} token={token} id="confirm-place">
            Confirm my place
          </TokenButton>
        </>
      ) : place.status === "paused" ? (
        <p>Your place is paused by the practice for now: no time is offered to you until it is resumed.</p>
      ) : (
        <p>You are in line. When a time that fits becomes free and you are first for it, we will email you; the time is then held for you alone.</p>
      )}
      <dl>
        <dt>Appointment</dt>
        <dd>
          {place.sessionName}, {place.format.toLowerCase()}
        </dd>
        <dt>Where you will be</dt>
        <dd>{place.where}</dd>
        <dt>Days</dt>
        <dd>{place.days.join(", ")}</dd>
        <dt>Parts of the day</dt>
        <dd>{place.parts.join(", ")}</dd>
        <dt>From</dt>
        <dd>{place.from}</dd>
        {place.until ? (
          <>
            <dt>Until</dt>
            <dd>{place.until}</dd>
          </>
        ) : null}
        {place.status !== "unconfirmed" ? (
          <>
            <dt>Your place lasts until</dt>
            <dd>{place.lastsUntil}</dd>
          </>
        ) : null}
      </dl>
      {place.mayStay ? (
        <TokenButton action={stayAction} token={token} id="stay">
          Stay on the waitlist
        </TokenButton>
      ) : null}
      <p className="section">
        <Link href={`/book/waitlist/leave/${token}`}>Leave the waitlist</Link>
      </p>
    </div>
  );
}
