import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = { title: "You are subscribed", robots: { index: false } };

export default async function ConfirmedPage() {
  await connection();
  return (
    <div className="container prose">
      <div className="notice notice-success" role="status">
        <h1>You are subscribed</h1>
        <p>Thank you for confirming. A welcome email is on its way with the way into the library, for this device or another.</p>
      </div>
      <p className="section">
        <Link href="/freebies/library" className="button">
          Open the library now
        </Link>
      </p>
    </div>
  );
}
