import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PracticeContact } from "@/components/site/practice-contact";
import { practice } from "@/lib/practice/practice";
import { licensedStatesText } from "@/lib/practice/us-states";

export const metadata: Metadata = {
  title: "What to expect",
  description: `The first session, fees, insurance and the sliding scale, cancellations, telehealth and privacy at ${practice.name}.`,
};

const paragraphs = (texts: string[]) => texts.map((text) => <p key={text}>{text}</p>);

type PageSection = { id: string; title: string; body: ReactNode };

export default function WhatToExpectPage() {
  const { whatToExpect, fees, booking } = practice;
  // Each part of the page once: the list at the top links to them in this order.
  const sections: PageSection[] = [
    {
      id: "first-session",
      title: "Your first session",
      body: (
        <>
          {paragraphs(whatToExpect.firstSession)}
          <p>
            <Link href="/book">Book a free consultation call or an intake session</Link>.
          </p>
        </>
      ),
    },
    {
      id: "fees",
      title: "Fees, insurance and the sliding scale",
      body: (
        <>
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
        </>
      ),
    },
    {
      id: "cancellations",
      title: "Cancelling or moving a session",
      body: paragraphs([booking.lateCancellationPolicy, ...whatToExpect.cancellations]),
    },
    {
      id: "telehealth",
      title: "Telehealth",
      body: (
        <>
          {paragraphs([booking.telehealthInstructions, ...whatToExpect.telehealth])}
          <p>Sessions are open to people in {licensedStatesText(practice.licensedStates)} at the time of the session.</p>
        </>
      ),
    },
    {
      id: "privacy",
      title: "Privacy",
      body: (
        <>
          {paragraphs(whatToExpect.privacy)}
          <p>
            How this website handles what you send is in the <Link href="/privacy">privacy notice</Link>.
          </p>
        </>
      ),
    },
  ];
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

        {sections.map((section) => (
          <section key={section.id} id={section.id} aria-labelledby={`${section.id}-heading`}>
            <h2 id={`${section.id}-heading`}>{section.title}</h2>
            {section.body}
          </section>
        ))}
      </div>
      <div className="section">
        <PracticeContact linkToWhatToExpect={false} />
      </div>
    </div>
  );
}
