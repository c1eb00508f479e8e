import type { Metadata } from "next";
import Link from "next/link";
import { DonePage } from "@/components/site/done-page";
import { HOLD_MINUTES } from "@/lib/booking/hold";

export const metadata: Metadata = { title: "Check your email to confirm this time", robots: { index: false } };

/**
 * Where a booking request lands. The link that confirms the time and manages
 * the booking goes only to the address typed, so this page shows neither.
 */
export default function CheckYourEmailPage() {
  return (
    <DonePage
      title="Check your email to confirm this time"
      news={
        <p>
          We are holding the time you chose for {HOLD_MINUTES} minutes and have sent an email to the address you gave.
          Open it and press <strong>Confirm this time</strong>: only then is your request sent on.
        </p>
      }
    >
      <p>
        If no email arrives within a few minutes, look in your spam folder. If the time lapses, you can{" "}
        <Link href="/book">choose a time again</Link>.
      </p>
    </DonePage>
  );
}
