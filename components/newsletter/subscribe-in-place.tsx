"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { FormAnswer } from "@/components/forms/form-answer";
import { FormNotice } from "@/components/forms/form-notice";
import { useFormAnswer } from "@/components/forms/use-form-answer";
import { FieldError, Honeypot } from "@/components/ui/field";
import { FORM_KEY_FIELD } from "@/lib/forms/control-fields";
import type { SignupSource, SubscribeField } from "@/lib/newsletter/schema";
import type { SubscribeFormState } from "@/lib/newsletter/subscribe";

type SubscribeInPlaceProps = {
  action: (state: SubscribeFormState, formData: FormData) => Promise<SubscribeFormState>;
  source: SignupSource;
  idPrefix: string;
  formKey: string;
  heading?: string;
  headingLevel?: 2 | 3;
  initialState?: SubscribeFormState;
  /** The answers, drawn on the server: they name the practice's phone and email, which the browser need not load. */
  sent: ReactNode;
  heldBack: ReactNode;
};

/**
 * Signing up where she reads: the answer takes the form's place, so the
 * reader keeps her place in the post. It ships no form library (the browser's
 * own validation checks first, the server's answer shows beside each field);
 * without JavaScript the page drawn after the post opens at this same answer.
 */
export function SubscribeInPlace({ action, source, idPrefix, formKey, heading = "Newsletter and freebies", headingLevel = 2, initialState, sent, heldBack }: SubscribeInPlaceProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const { state, formAction, pending, typed, serverErrors, noticeId } = useFormAnswer<SubscribeField>({ action, initialState, noticeId: id("answer") });
  const Heading = headingLevel === 2 ? "h2" : "h3";

  if (state.status === "success")
    return (
      <div className="subscribe-plain">
        <FormAnswer id={noticeId} answer={state}>
          {state.emailHeldBack ? heldBack : sent}
        </FormAnswer>
      </div>
    );

  const error = (name: SubscribeField) => serverErrors[name]?.join(" ");
  const a11y = (name: SubscribeField) => ({
    id: id(name),
    name,
    "aria-invalid": error(name) ? true : undefined,
    "aria-describedby": error(name) ? `${id(name)}-error` : undefined,
  });
  return (
    <form action={formAction} className="subscribe-plain" aria-labelledby={id("heading")}>
      <Heading id={id("heading")}>{heading}</Heading>
      {state.status === "invalid" ? (
        <FormAnswer id={noticeId} answer={state}>
          <FormNotice state={state} />
        </FormAnswer>
      ) : null}
      <p>New posts by email, and journal prompts and worksheets only subscribers receive.</p>
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      <Honeypot id={id("website")} />
      <div className="subscribe-plain-fields">
        <div className="field">
          <label htmlFor={id("email")}>Email</label>
          <input type="email" autoComplete="email" inputMode="email" maxLength={254} required defaultValue={typed.email} {...a11y("email")} />
          <FieldError name={id("email")} error={error("email")} />
        </div>
        <div className="field">
          <label htmlFor={id("firstName")}>First name (optional)</label>
          <input type="text" autoComplete="given-name" maxLength={60} defaultValue={typed.firstName} {...a11y("firstName")} />
          <FieldError name={id("firstName")} error={error("firstName")} />
        </div>
      </div>
      <div>
        <label className="choice" htmlFor={id("consent")}>
          <input type="checkbox" value="yes" required defaultChecked={typed.consent === "yes"} {...a11y("consent")} />
          <span>
            Email me the newsletter. I can unsubscribe in one click; see the <Link href="/privacy">privacy notice</Link>.
          </span>
        </label>
        <FieldError name={id("consent")} error={error("consent")} />
      </div>
      <div>
        <button type="submit" className="button" aria-disabled={pending} disabled={pending}>
          {pending ? "Subscribing…" : "Subscribe"}
        </button>
      </div>
    </form>
  );
}
