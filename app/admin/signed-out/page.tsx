import type { Metadata } from "next";
import Link from "next/link";
import SignInLayout from "../sign-in/layout";

export const metadata: Metadata = { title: "Signed out" };

export default function SignedOutPage() {
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
