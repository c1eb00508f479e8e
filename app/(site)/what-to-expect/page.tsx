import type { Metadata } from "next";
import Link from "next/link";
import { PracticeContact } from "@/components/site/practice-contact";
import { practice } from "@/lib/practice/practice";
import { licensedStatesText } from "@/lib/practice/us-states";

export const metadata: Metadata = {
  title: "What to expect",
  description: `The first session, fees, insurance and the sliding scale, cancellations, telehealth and privacy at ${practice.name}.`,
};

const sections = [
  { id: "first-session", title: "Your first session" },
  { id: "fees", title: "Fees, insurance and the sliding scale" },
  { id: "cancellations", title: "Cancelling or moving a session" },
  { id: "telehealth", title: "Telehealth" },
  { id: "privacy", title: "Privacy" },
] as const;

const paragraphs = (texts: string[]) => texts.map((text) => <p key={text}>{text}</p>);

export default function WhatToExpectPage() {
  const { whatToExpect, fees, booking } = practice;
  const heading = (id: (typeof sections)[number]["id"]) => (
    <h2 id={`${id}-heading`}>{sections.find((section) => section.id === id)!.title}</h2>
  );
  return (
    <div className="container">
      <div className="prose">
        <h1>What to expect</h1>
        <p>
          Starting therapy can feel like a lot. Here is what happens when you begin with {practice.therapist.name}, what it
          costs, and how your privacy is kept. If anything is unclear, <Link href="/contact">ask</Link>: no question is too
          small.
        </p>
        <nav aria-label="On this page" className="page-sections">
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ul>
        </nav>

        <section id="first-session" aria-labelledby="first-session-heading">
          {heading("first-session")}
          {paragraphs(whatToExpect.firstSession)}
          <p>
            <Link href="/book">Book a free consultation call or an intake session</Link>.
          </p>
        </section>

        <section id="fees" aria-labelledby="fees-heading">
          {heading("fees")}
          <table className="fees">
            <caption>Fees per session</caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Fee</th>
              </tr>
            </thead>
            <tbody>
              {fees.sessions.map((session) => (
                <tr key={session.name}>
                  <th scope="row">{session.name}</th>
                  <td>{session.fee}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Sliding scale</h3>
          {paragraphs(fees.slidingScale)}
          <h3>Insurance</h3>
          {paragraphs(fees.insurance)}
          <h3>Paying</h3>
          <p>{fees.payment}</p>
        </section>

        <section id="cancellations" aria-labelledby="cancellations-heading">
          {heading("cancellations")}
          <p>{booking.lateCancellationPolicy}</p>
          {paragraphs(whatToExpect.cancellations)}
        </section>

        <section id="telehealth" aria-labelledby="telehealth-heading">
          {heading("telehealth")}
          <p>{booking.telehealthInstructions}</p>
          {paragraphs(whatToExpect.telehealth)}
          <p>Sessions are open to people in {licensedStatesText(practice.licensedStates)} at the time of the session.</p>
        </section>

        <section id="privacy" aria-labelledby="privacy-heading">
          {heading("privacy")}
          {paragraphs(whatToExpect.privacy)}
          <p>
            How this website handles what you send is in the <Link href="/privacy">privacy notice</Link>.
          </p>
        </section>
      </div>
      <div className="section">
        <PracticeContact linkToWhatToExpect={false} />
      </div>
    </div>
  );
}
