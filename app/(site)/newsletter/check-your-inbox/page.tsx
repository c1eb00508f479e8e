import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CheckYourInbox } from "@/components/newsletter/check-your-inbox";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

export default async function CheckYourInboxPage() {
  // Served with the newsletter pages' per-request policy, so rendered per request too.
  await connection();
  return (
    <div className="container prose">
      <CheckYourInbox headingLevel={1} />
      <p className="section">
        <Link href="/">Back to the home page</Link>
      </p>
    </div>
  );
}
