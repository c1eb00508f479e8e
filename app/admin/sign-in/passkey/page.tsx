import type { Metadata } from "next";
import { connection } from "next/server";
import { PasskeySignIn, RecoveryCodeForm } from "@/components/admin/second-factor-sign-in";
import { requireHalfSignedIn } from "@/lib/auth/guards";
import { passkeySignInOptionsAction, recoveryCodeSignInAction, verifyPasskeySignInAction } from "./actions";

export const metadata: Metadata = { title: "Use your passkey" };

/**
 * The second half of signing in, for a therapist with a passkey: the
 * emailed link opened this session, the passkey (or a recovery code)
 * finishes it. Only a half-signed-in session sees this page.
 */
export default async function SecondFactorPage() {
  await connection();
  await requireHalfSignedIn();
  return (
    <div className="prose">
      <h1>Use your passkey</h1>
      <p>The emailed link was the first half of signing in. Your passkey is the second: press the button and answer your device.</p>
      <PasskeySignIn
        optionsAction={passkeySignInOptionsAction}
        verifyAction={verifyPasskeySignInAction}
        withoutScript={
          <p>
            <strong>A passkey needs JavaScript, which is off in this browser.</strong> Turn it on and reload this page, or use one
            of your recovery codes below.
          </p>
        }
      />
      <h2>No passkey to hand?</h2>
      <p>Use one of the recovery codes you were shown when you added your passkey. Each code works once.</p>
      <RecoveryCodeForm action={recoveryCodeSignInAction} />
      <p>
        Lost both your passkey and your codes? Whoever runs the practice&apos;s server can remove your passkeys; the emailed link alone
        then signs you in again.
      </p>
    </div>
  );
}
