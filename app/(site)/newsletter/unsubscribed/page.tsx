import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Unsubscribed", robots: { index: false } };

export default async function UnsubscribedPage() {
  await connection();
  return (
    <div className="container prose">
      <div className="notice notice-success" role="status">
        <h1>You are unsubscribed</h1>
        <p>No more newsletter emails will be sent to you, and the library is closed. Thank you for having been with us.</p>
      </div>
      <p className="section">
        If you change your mind, you can <Link href="/newsletter">subscribe again</Link> at any time.
      </p>
    </div>
  );
}
