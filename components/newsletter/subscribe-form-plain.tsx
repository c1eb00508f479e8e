import { randomUUID } from "node:crypto";
import Link from "next/link";
import { Honeypot } from "@/components/ui/field";
import { FORM_KEY_FIELD } from "@/lib/forms/parse-form";
import type { SignupSource } from "@/lib/newsletter/schema";

type PlainSubscribeFormProps = {
  /** A server action taking the form and redirecting: to "check your inbox", or to /newsletter with the problems. */
  action: (formData: FormData) => Promise<void>;
  source: SignupSource;
  /** Prefixes the field ids, so the form can sit on a page beside another. */
  idPrefix: string;
  heading?: string;
  headingLevel?: 2 | 3;
};

/**
 * The signup form for the foot of every page and the end of every post. It
 * ships no JavaScript of its own: a server component posting to a server
 * action, checked by the browser's own validation and then by the server,
 * so a static post pays nothing for it in first-load script. On a static
 * page its form key is one per build; signups are idempotent by address, so
 * a shared key costs nothing.
 */
export function PlainSubscribeForm({ action, source, idPrefix, heading = "Newsletter and freebies", headingLevel = 2 }: PlainSubscribeFormProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <form action={action} className="subscribe-plain" aria-labelledby={id("heading")}>
      <Heading id={id("heading")}>{heading}</Heading>
      <p>New posts by email, and journal prompts and worksheets only subscribers receive.</p>
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name={FORM_KEY_FIELD} value={randomUUID()} />
      <Honeypot id={id("website")} />
      <div className="subscribe-plain-fields">
        <div className="field">
          <label htmlFor={id("email")}>Email</label>
          <input id={id("email")} name="email" type="email" autoComplete="email" inputMode="email" maxLength={254} required />
        </div>
        <div className="field">
          <label htmlFor={id("firstName")}>First name (optional)</label>
          <input id={id("firstName")} name="firstName" type="text" autoComplete="given-name" maxLength={60} />
        </div>
      </div>
      <label className="choice" htmlFor={id("consent")}>
        <input id={id("consent")} name="consent" type="checkbox" value="yes" required />
        <span>
          Email me the newsletter. I can unsubscribe in one click; see the <Link href="/privacy">privacy notice</Link>.
        </span>
      </label>
      <div>
        <button type="submit" className="button">
          Subscribe
        </button>
      </div>
    </form>
  );
}
