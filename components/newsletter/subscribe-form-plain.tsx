import { randomUUID } from "node:crypto";
import type { SignupSource } from "@/lib/newsletter/schema";
import type { SubscribeFormState } from "@/lib/newsletter/subscribe";
import { CheckYourInbox, SignupHeldBack } from "./check-your-inbox";
import { SubscribeInPlace } from "./subscribe-in-place";

type PlainSubscribeFormProps = {
  /** The newsletter's signup action, the same one the full form on /newsletter posts to. */
  action: (state: SubscribeFormState, formData: FormData) => Promise<SubscribeFormState>;
  source: SignupSource;
  /** Prefixes the field ids, so the form can sit on a page beside another. */
  idPrefix: string;
  heading?: string;
  headingLevel?: 2 | 3;
  initialState?: SubscribeFormState;
};

/**
 * The signup for the foot of every page and the end of every post. On a
 * static post its form key is one per build; signups are idempotent by
 * address, so a shared key costs nothing.
 */
export function PlainSubscribeForm(props: PlainSubscribeFormProps) {
  return <SubscribeInPlace {...props} formKey={randomUUID()} sent={<CheckYourInbox />} heldBack={<SignupHeldBack />} />;
}
