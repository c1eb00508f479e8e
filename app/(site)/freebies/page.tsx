import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { SubscribeForm } from "@/components/forms/subscribe-form";
import { FreebieList } from "@/components/newsletter/freebie-list";
import { practice } from "@/lib/practice/practice";
import { freebies } from "@/lib/freebies/catalogue";
import { subscribeAction } from "../newsletter/actions";

export const metadata: Metadata = {
  title: "Freebies for subscribers",
  description: `Journal prompts and worksheets from ${practice.name}, free for newsletter subscribers.`,
};

export default function FreebiesPage() {
  return (
    <div className="container">
      <div className="prose">
        <h1>Freebies for subscribers</h1>
        <p>
          Journal prompts and worksheets to go with the blog, written by {practice.therapist.name} for
          parents, parents-to-be and adults getting to know their own ways of attaching. They are free for everyone who
          subscribes to the newsletter. Each printable one is a PDF you can fill in by hand.
        </p>
        <p>
          Already subscribed? <Link href="/freebies/library">Open the library</Link>.
        </p>
      </div>
      {/* The form before the cards: on a phone the cards are a long column, and the form is what the visitor came for. */}
      <section className="section freebies-subscribe" id="subscribe" aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading">Subscribe to open the library</h2>
        {/* A static page: its key is one per build. Signups are idempotent by address, so a shared key costs nothing. */}
        <SubscribeForm action={subscribeAction} source="freebies" formKey={randomUUID()} />
      </section>
      <section className="section" aria-labelledby="what-you-get">
        <h2 id="what-you-get">What you get</h2>
        <FreebieList freebies={freebies} open={false} />
      </section>
    </div>
  );
}
