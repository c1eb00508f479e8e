import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { SubscribeForm } from "@/components/forms/subscribe-form";
import { practice } from "@/lib/practice/practice";
import { subscribeAction } from "./actions";

export const metadata: Metadata = {
  title: "Newsletter",
  description: `New posts from ${practice.name} by email, with journal prompts and worksheets for subscribers.`,
};

export default function NewsletterPage() {
  return (
    <div className="container">
      <div className="prose">
        <h1>The newsletter</h1>
        <p>
          When a new post goes up, subscribers hear about it first, by email. Now and then {practice.therapist.name} also
          sends something small to try between posts.
        </p>
        <p>
          Subscribing also opens the <Link href="/freebies">library of freebies</Link>: journal prompts and worksheets
          on the themes of the blog, from noticing your own attachment patterns to reading your baby&apos;s
          cues.
        </p>
        <p>
          You will get an email asking you to confirm; nothing else arrives until you do. Every email has a one-click way to
          unsubscribe, and we never track whether you open or click.
        </p>
      </div>
      <section className="section" id="subscribe" aria-labelledby="subscribe-heading" tabIndex={-1}>
        <h2 id="subscribe-heading">Subscribe</h2>
        <SubscribeForm action={subscribeAction} source="newsletter" formKey={randomUUID()} />
      </section>
    </div>
  );
}
