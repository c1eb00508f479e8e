import { practice } from "@/lib/content/practice";

// Where the calls to action lead. The contact page stands in until the
// booking and newsletter pages exist; each of those re-points one line here.
export const BOOK_INTAKE_HREF = "/contact";
export const SUBSCRIBE_HREF = "/contact";

// Plain links, not next/link: these render on the server and add no client
// JavaScript to a post page.

/** "Book an intake session", placed in a post where booking is the natural next step. */
export function BookIntakeCallout() {
  return (
    <div className="callout">
      <p className="callout-title">Ready to talk it through?</p>
      <p>
        An intake session is a first, unhurried conversation with {practice.therapist.name} about what brings you here and
        whether working together feels right. There is no pressure to continue.
      </p>
      <p className="callout-action">
        <a className="button" href={BOOK_INTAKE_HREF}>
          Book an intake session
        </a>
      </p>
    </div>
  );
}

/** "Subscribe for the freebies": journal prompts and worksheets for subscribers. */
export function SubscribeCallout() {
  return (
    <div className="callout">
      <p className="callout-title">Free journal prompts and worksheets</p>
      <p>
        Subscribe to the newsletter to hear when a new post is out and to receive the journal prompts, worksheets and
        other resources that go with this series.
      </p>
      <p className="callout-action">
        <a className="button button-secondary" href={SUBSCRIBE_HREF}>
          Subscribe to the newsletter
        </a>
      </p>
    </div>
  );
}
