import type { Metadata } from "next";
import Link from "next/link";
import { PracticeContact } from "@/components/site/practice-contact";
import { practice } from "@/lib/practice/practice";

export const metadata: Metadata = { title: "We could not send your email", robots: { index: false } };

/**
 * Where joining lands when its code email was held back (lib/email/unverified.ts):
 * no code is coming, so nothing was kept, and the page says how to reach the practice.
 */
export default function WaitlistEmailHeldBackPage() {
  return (
    <div className="container prose">
      <div className="notice notice-info" role="status">
        <h1>We could not send your email</h1>
        <p>
          We could not send the email that confirms your place: too many emails are going out just now to addresses nobody has confirmed yet, and
          we hold them back to protect the practice. So <strong>no code is on its way to you</strong>, and you are not on the waitlist yet.
        </p>
        <p>Please call or email the practice, and {practice.therapist.name} will arrange a time with you, or try again in an hour.</p>
      </div>
      <PracticeContact id="held-back-contact" linkToWhatToExpect={false} />
      <p className="section">
        <Link href="/book">Back to the booking page</Link>
      </p>
    </div>
  );
}
