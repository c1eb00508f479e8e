import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import SignInLayout from "../sign-in/layout";

export const metadata: Metadata = { title: "Signed out" };

export default async function SignedOutPage() {
  // Rendered per request like the rest of /admin, so its scripts carry the CSP nonce.
  await connection();
  return (
    <SignInLayout>
      <div className="prose">
        <h1>You have signed out</h1>
        <p>Your session has ended on this device. Nothing from the private area stays in this browser.</p>
        <p>
          <Link href="/admin/sign-in">Sign in again</Link> · <Link href="/">Go to the website</Link>
        </p>
      </div>
    </SignInLayout>
  );
}
