import type { Metadata } from "next";
import { connection } from "next/server";
import { SignupAnswerPage } from "@/components/newsletter/check-your-inbox";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

export default async function CheckYourInboxPage() {
  // Served with the newsletter pages' per-request policy, so rendered per request too.
  await connection();
  return <SignupAnswerPage heldBack={false} />;
}
