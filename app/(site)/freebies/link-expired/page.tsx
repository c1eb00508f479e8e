import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "This link has expired", robots: { index: false } };

export default function LinkExpiredPage() {
  return (
    <div className="container prose">
      <h1>This library link can no longer be used</h1>
      <p>
        Links to the library work for 7 days, and only while the subscription is active. This one has expired, is
        incomplete, or belongs to a subscription that has ended.
      </p>
      <p>
        <Link href="/freebies/library" className="button">
          Email me a new link
        </Link>
      </p>
      <p className="section">
        Not subscribed? <Link href="/freebies">See the freebies and subscribe</Link>.
      </p>
    </div>
  );
}
