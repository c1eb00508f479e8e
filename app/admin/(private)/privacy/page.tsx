import type { Metadata } from "next";
import { connection } from "next/server";
import { ErasePersonForm } from "@/components/admin/erase-person-form";
import { requireTherapist } from "@/lib/auth/guards";
import { practice } from "@/lib/practice/practice";
import { erasePersonAction } from "./actions";

export const metadata: Metadata = { title: "Privacy" };

export default async function PrivacyPage() {
  await connection();
  await requireTherapist();
  return (
    <>
      <h1>Privacy</h1>
      <h2>Erase a person</h2>
      <p>
        When someone asks for their data to be deleted, enter their email address. Their contact messages, their bookings,
        their places on the waitlist, their newsletter subscription and every email addressed to them or about their bookings are deleted at once.
      </p>
      <ErasePersonForm action={erasePersonAction} />
      <h2>Retention</h2>
      <p>
        Contact messages, and the emails about them, are deleted automatically{" "}
        {practice.privacy.contactMessageRetentionDays} days after they arrived. Each purge is recorded in the audit log.
        The number of days is set in the practice&apos;s configuration (<code>privacy.contactMessageRetentionDays</code>).
      </p>
    </>
  );
}
