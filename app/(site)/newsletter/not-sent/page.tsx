import type { Metadata } from "next";
import { connection } from "next/server";
import { SignupAnswerPage } from "@/components/newsletter/check-your-inbox";

export const metadata: Metadata = { title: "Not sent yet", robots: { index: false } };

/** Where the plain signup form goes when its confirmation was held back, instead of "check your inbox". */
export default async function SignupNotSentPage() {
  // Served with the newsletter pages' per-request policy, so rendered per request too.
  await connection();
  return <SignupAnswerPage heldBack />;
}
