import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DonePage } from "@/components/site/done-page";

export const metadata: Metadata = { title: "You are subscribed", robots: { index: false } };

export default async function ConfirmedPage() {
  await connection();
  return (
    <DonePage
      title="You are subscribed"
      news={<p>Thank you for confirming. A welcome email is on its way with the way into the library, for this device or another.</p>}
    >
      <p className="section">
        <Link href="/freebies/library" className="button">
          Open the library now
        </Link>
      </p>
    </DonePage>
  );
}
