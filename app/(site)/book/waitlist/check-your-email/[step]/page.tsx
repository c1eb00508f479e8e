import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { WaitlistCodeForm } from "@/components/waitlist/waitlist-code-form";
import { waitlistCodeStep } from "@/lib/waitlist/place";
import { confirmPlaceByCodeAction } from "../../actions";

// The path carries the code step's token: keep it out of search engines and Referer headers.
export const metadata: Metadata = {
  title: "Check your email to confirm your place",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

/** Where "Join the waitlist" lands: the code from the email confirms her place. */
export default async function WaitlistCheckYourEmailPage({ params }: PageProps<"/book/waitlist/check-your-email/[step]">) {
  await connection();
  const { step } = await params;
  const found = await waitlistCodeStep(step);
  if (found.state === "gone") {
    return (
      <div className="container prose">
        <h1>This request has lapsed</h1>
        <p>
          A place on the waitlist waits a short while only for the code from the email. This one lapsed, was confirmed already, or the link is not
          complete. If you confirmed it, the email you received has the link to your place.
        </p>
        <p>
          <Link href="/book/waitlist">Join the waitlist again</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container prose">
      <h1>Check your email to confirm your place</h1>
      <p>
        We sent a 6-digit code to the address you gave. Type it here to take your place on the waitlist for a {found.sessionName.toLowerCase()}.
        The email also has a link that does the same.
      </p>
      <div className="section section-tight">
        <WaitlistCodeForm stepToken={step} action={confirmPlaceByCodeAction} />
      </div>
      <p className="section">It can take a minute or two; look in your spam folder too. Until you confirm, nothing is kept for long and nobody waits for you.</p>
    </div>
  );
}
