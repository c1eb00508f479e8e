import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TokenButton } from "@/components/forms/token-button";
import { placeByToken } from "@/lib/waitlist/place";
import { leaveAction } from "../../actions";

export const metadata: Metadata = {
  title: "Leave the waitlist",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

/** "Leave the waitlist" from any waitlist email: one press here (opening the link, as a mail scanner does, changes nothing). */
export default async function WaitlistLeavePage({ params }: PageProps<"/book/waitlist/leave/[token]">) {
  await connection();
  const { token } = await params;
  const found = await placeByToken(token);
  if (found.state === "gone") {
    return (
      <div className="container prose">
        <h1>You are not on the waitlist</h1>
        <p role="status">You are off the waitlist, and nothing more will be sent about it. Any time that was held for you has gone to the next person.</p>
        <p>
          <Link href="/book">Back to the booking page</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container prose">
      <h1>Leave the waitlist</h1>
      <p>
        You are waiting for a {found.place.sessionName.toLowerCase()}. Press the button to leave: you will get no more emails about it, and any
        time held for you goes to the next person.
      </p>
      <TokenButton action={leaveAction} token={token} id="leave">
        Leave the waitlist
      </TokenButton>
    </div>
  );
}
