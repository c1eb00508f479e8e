import { PlainSubscribeForm } from "@/components/newsletter/subscribe-form-plain";
import { practice } from "@/lib/practice/practice";
import type { SubscribeFormState } from "@/lib/newsletter/subscribe";

/** Where a post's call to book leads. */
export const BOOK_INTAKE_HREF = "/book";

// A plain link, and a signup that ships no form library: a post page stays
// almost free of client JavaScript.

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

/**
 * "Subscribe for the freebies": the newsletter signup itself, at the point of
 * the post where journal prompts and worksheets fit. Its answer takes its
 * place, so the reader keeps reading.
 */
export function SubscribeCallout({ action, postSlug }: { action: (state: SubscribeFormState, formData: FormData) => Promise<SubscribeFormState>; postSlug: string }) {
  return (
    <div className="callout">
      <PlainSubscribeForm
        action={action}
        source={`post:${postSlug}`}
        idPrefix="post-subscribe"
        heading="Free journal prompts and worksheets"
        headingLevel={3}
      />
    </div>
  );
}
