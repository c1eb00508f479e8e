import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { inspectSignInLink } from "@/lib/auth/sign-in-link";
import { confirmSignInAction } from "./actions";
import { TokenButton } from "@/components/forms/token-button";

// Not "no-referrer": Chromium then sends `Origin: null` on the form post, which Next rightly refuses
// as a cross-site action. next.config.js gives this page "same-origin": the token goes to no other site.
export const metadata: Metadata = { title: "Sign in" };

const askForANewLink = (
  <p>
    <Link href="/admin/sign-in" className="button">
      Ask for a new link
    </Link>
  </p>
);

/**
 * Where an emailed sign-in link lands. Opening it changes nothing, so a mail
 * scanner that follows links cannot spend it; the button's POST does. Works
 * with JavaScript off: a plain form posting to a server action.
 */
export default async function ConfirmSignInPage({ params }: PageProps<"/admin/sign-in/confirm/[token]">) {
  await connection();
  const { token } = await params;
  const state = await inspectSignInLink(token);

  if (state === "expired") {
    return (
      <div className="prose">
        <h1>This sign-in link has expired</h1>
        <p>Sign-in links are valid for 10 minutes. Please ask for a new one; it takes a moment.</p>
        {askForANewLink}
      </div>
    );
  }
  if (state === "invalid") {
    return (
      <div className="prose">
        <h1>This sign-in link cannot be used</h1>
        <p>
          It has already been used, or it was not copied completely. Each link works once. If you are already signed in, go
          to the <Link href="/admin">private area</Link>; otherwise ask for a new link.
        </p>
        {askForANewLink}
      </div>
    );
  }
  return (
    <div className="prose">
      <h1>Sign in</h1>
      <p>Press the button to finish signing in to the private area on this device.</p>
      <TokenButton action={confirmSignInAction} token={token}>
        Sign in
      </TokenButton>
    </div>
  );
}
