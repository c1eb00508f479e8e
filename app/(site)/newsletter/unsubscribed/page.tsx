import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DonePage } from "@/components/site/done-page";

export const metadata: Metadata = { title: "Unsubscribed", robots: { index: false } };

export default async function UnsubscribedPage() {
  await connection();
  return (
    <DonePage
      title="You are unsubscribed"
      news={<p>No more newsletter emails will be sent to you, and the library is closed. Thank you for having been with us.</p>}
    >
      <p className="section">
        If you change your mind, you can <Link href="/newsletter">subscribe again</Link> at any time.
      </p>
    </DonePage>
  );
}
