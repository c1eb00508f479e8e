import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AddressForm } from "@/components/forms/address-form";
import { PRIVATE_HOME_PATH } from "@/lib/auth/auth.config";
import { currentTherapist } from "@/lib/auth/guards";
import { practice } from "@/lib/practice/practice";
import { requestSignInLinkAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  await connection();
  if (await currentTherapist()) redirect(PRIVATE_HOME_PATH);
  return (
    <div className="prose">
      <h1>Sign in to the private area</h1>
      <p>
        This area is for {practice.therapist.name} only. Enter your email address and we will send you a link that signs
        you in. It works once, for ten minutes.
      </p>
      <AddressForm action={requestSignInLinkAction} formKey={randomUUID()} label="Email address" submitLabel="Email me a sign-in link" />
    </div>
  );
}
