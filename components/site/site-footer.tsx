import Link from "next/link";
import { PlainSubscribeForm } from "@/components/newsletter/subscribe-form-plain";
import { practice } from "@/lib/practice/practice";
import { CrisisLines } from "./crisis-lines";
import type { SubscribeFormState } from "@/lib/newsletter/subscribe";

type SiteFooterProps = {
  /** The newsletter's signup action; its answer takes the form's place. */
  subscribeAction: (state: SubscribeFormState, formData: FormData) => Promise<SubscribeFormState>;
};

export function SiteFooter({ subscribeAction }: SiteFooterProps) {
  return (
    <footer className="site-footer">
      <div className="container">
        <section id="crisis-help" aria-labelledby="crisis-help-heading" tabIndex={-1}>
          <h2 id="crisis-help-heading">If you need help right now</h2>
          <p>This practice cannot respond to emergencies. If you are in danger or thinking of harming yourself, please reach out now:</p>
          <CrisisLines />
        </section>
        <PlainSubscribeForm action={subscribeAction} source="footer" idPrefix="footer-subscribe" />
        <div className="footer-meta">
          <p>
            {practice.name} · {practice.therapist.name}, {practice.therapist.credentials} · {practice.city}
          </p>
          <p>
            <Link href="/what-to-expect">What to expect</Link> · <Link href="/what-to-expect#fees">Fees and insurance</Link> ·{" "}
            <Link href="/privacy">Privacy notice</Link> · <Link href="/contact">Contact</Link>
          </p>
        </div>
      </div>
    </footer>
  );
}
