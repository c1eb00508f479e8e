import type { Metadata } from "next";
import Link from "next/link";
import { PracticeContact } from "@/components/site/practice-contact";
import { practice } from "@/lib/practice/practice";

export const metadata: Metadata = { title: "We could not send your email", robots: { index: false } };

/**
 * Where a booking request lands when its email was held back
 * (lib/email/unverified.ts): no code is on its way, so this page says so and
 * how to reach the practice instead, rather than "check your email". The
 * request is kept, and the therapist sees it marked.
 */
export default function EmailHeldBackPage() {
  return (
    <div className="container prose">
      <div className="notice notice-info" role="status">
        <h1>We could not send your email</h1>
        <p>
          Your request reached us, but we could not send the email that confirms it: too many emails are going out just now to addresses nobody
          has confirmed yet, and we hold them back to protect the practice. So <strong>no email or code is on its way to you</strong>, and the
          time is not yet booked.
        </p>
        <p>
          {practice.therapist.name} can see your request, marked as not confirmed. Please call or email the practice to arrange your
          appointment.
        </p>
      </div>
      <PracticeContact id="held-back-contact" linkToWhatToExpect={false} />
      <p className="section">
        <Link href="/book">Back to booking</Link>
      </p>
    </div>
  );
}
