import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Check your email" };

/** The same page for every address, known or not: it reveals nothing about who may sign in. */
export default async function CheckEmailPage() {
  // Rendered per request like the rest of /admin, so its scripts carry the CSP nonce.
  await connection();
  return (
    <div className="prose">
      <h1>Check your email</h1>
      <p>
        If that address may sign in, a sign-in link is on its way. Open it on this device and press <strong>Sign in</strong>{" "}
        on the page it opens. The link works once and is valid for 10 minutes.
      </p>
      <p>
        Nothing arrived after a few minutes? Check your spam folder, or <Link href="/admin/sign-in">ask for a new link</Link>.
      </p>
    </div>
  );
}
