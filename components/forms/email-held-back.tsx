import { phoneForPeople, phoneHref } from "@/lib/practice/contact";
import { practice } from "@/lib/practice/practice";

/**
 * Said instead of "we have sent you an email" when the email was held back
 * (too many went to unconfirmed addresses this hour): the visitor is not sent
 * to an empty inbox, and is given the practice's own phone and email.
 */
export function EmailHeldBack({ what }: { what: string }) {
  return (
    <>
      <p>
        <strong>We could not send you an email just now</strong>: {what} Nothing is wrong with your address; the practice sends
        only so many emails an hour to addresses it has not met yet.
      </p>
      <p>
        To reach the practice instead,{" "}
        {practice.phone ? (
          <>
            call <a href={phoneHref(practice.phone)}>{phoneForPeople(practice.phone)}</a> or{" "}
          </>
        ) : null}
        email <a href={`mailto:${practice.contactEmail}`}>{practice.contactEmail}</a>.
      </p>
    </>
  );
}
