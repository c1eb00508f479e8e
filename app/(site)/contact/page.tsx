import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { connection } from "next/server";
import { ContactForm } from "@/components/forms/contact-form";
import { CrisisLines } from "@/components/site/crisis-lines";
import { PracticeContact } from "@/components/site/practice-contact";
import { practice } from "@/lib/practice/practice";
import { sendContactMessageAction } from "./actions";

export const metadata: Metadata = {
  title: "Contact",
  description: `Send ${practice.therapist.name} a message. Replies within two working days.`,
};

export default async function ContactPage() {
  // Dynamic on purpose: each render carries its own idempotency key.
  await connection();
  return (
    <div className="container">
      <div className="prose">
        <h1>Get in touch</h1>
        <p>
          Questions about therapy, fees or whether we would be a good fit are all welcome. {practice.therapist.name} reads
          every message personally and replies within two working days.
        </p>
        <div className="notice notice-info">
          <p>
            <strong>This form is not for emergencies.</strong> If you are in crisis or in danger, please reach out now:
          </p>
          <CrisisLines />
        </div>
      </div>
      <div className="section" style={{ marginTop: "var(--space-6)" }}>
        <ContactForm formKey={randomUUID()} action={sendContactMessageAction} />
      </div>
      <div className="section">
        <PracticeContact />
      </div>
    </div>
  );
}
