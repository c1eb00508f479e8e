import { EmailHeldBack } from "@/components/forms/email-held-back";

/**
 * The one answer every signup gets, whether the address is new, waiting,
 * already subscribed or gone: nothing here says which.
 */
export function CheckYourInbox({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="notice notice-success" role="status">
      <Heading>Check your inbox</Heading>
      <p>
        We have sent an email to that address. If you are new here, it holds a link to confirm your subscription; the link
        works for 7 days. If you already subscribed, it holds a fresh way into the library.
      </p>
      <p>If nothing arrives within a few minutes, please look in your spam or promotions folder.</p>
    </div>
  );
}

/** The answer when the confirmation was held back: no "check your inbox" for an email that was not sent. */
export function SignupHeldBack({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="notice notice-info" role="status">
      <Heading>Your subscription is not confirmed yet</Heading>
      <EmailHeldBack what="the email with the link to confirm your subscription was not sent. Please sign up again in an hour." />
    </div>
  );
}
