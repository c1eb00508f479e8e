import Link from "next/link";
import { CrisisLines } from "@/components/site/crisis-lines";
import { practice } from "@/lib/practice/practice";

/**
 * A booking link that opens nothing: the visitor came from an email and
 * expected their appointment, so say what may have happened and how to reach
 * the practice, rather than the site's general "page not found". It names
 * nothing about any booking, so a guessed link learns nothing. It is shown
 * by the page itself (status 200, noindex, the page's referrer policy): a
 * segment's not-found boundary reaches the browser only through JavaScript.
 */
export function DeadBookingLink() {
  return (
    <div className="container prose">
      <h1>This booking link no longer opens an appointment</h1>
      <p>This can happen when:</p>
      <ul>
        <li>the appointment has passed, or a request was not confirmed in time and lapsed;</li>
        <li>the appointment was cancelled;</li>
        <li>
          the link was cut short or changed on its way here: some email programs split long links, so try copying the whole link from the email.
        </li>
      </ul>
      <h2>What you can do</h2>
      <ul>
        <li>
          <Link href="/book">Book a new time</Link>.
        </li>
        <li>
          Ask about an appointment: email <a href={`mailto:${practice.contactEmail}`}>{practice.contactEmail}</a>
          {practice.phone ? (
            <>
              , call <a href={`tel:${practice.phone.replaceAll(" ", "")}`}>{practice.phone}</a>
            </>
          ) : null}{" "}
          or <Link href="/contact">send a message</Link>.
        </li>
      </ul>
      <div className="notice notice-info">
        <p>
          <strong>Messages are not read around the clock.</strong> If you are in crisis or in danger, please reach out now:
        </p>
        <CrisisLines />
      </div>
    </div>
  );
}
