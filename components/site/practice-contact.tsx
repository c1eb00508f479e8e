import Link from "next/link";
import { mapHref, officeAddress, phoneForPeople, phoneHref } from "@/lib/practice/contact";
import { practice } from "@/lib/practice/practice";

type PracticeContactProps = {
  /** Keeps ids apart if the block ever sits twice on one page. */
  id?: string;
  headingLevel?: 2 | 3;
  /** Off on the "What to expect" page itself. */
  linkToWhatToExpect?: boolean;
};

/**
 * How to reach the practice: phone, email and the office with a plain map
 * link. A link rather than an embedded map, so no page loads anything from
 * another origin. A server component: it costs a page no script.
 */
export function PracticeContact({ id = "practice-contact", headingLevel = 2, linkToWhatToExpect = true }: PracticeContactProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `${id}-heading`;
  return (
    <section className="practice-contact" id={id} aria-labelledby={headingId}>
      <Heading id={headingId}>Reach the practice</Heading>
      <address>
        <dl>
          {practice.phone ? (
            <div>
              <dt>Phone</dt>
              <dd>
                <a href={phoneHref(practice.phone)}>{phoneForPeople(practice.phone)}</a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${practice.contactEmail}`}>{practice.contactEmail}</a>
            </dd>
          </div>
          <div>
            <dt>Office</dt>
            <dd>
              {officeAddress(practice).map((line) => (
                <span key={line} className="practice-contact-line">
                  {line}
                </span>
              ))}
              <a href={mapHref(practice)} rel="noopener noreferrer">
                Find the office on OpenStreetMap
              </a>
            </dd>
          </div>
        </dl>
      </address>
      {linkToWhatToExpect ? (
        <p>
          <Link href="/what-to-expect">What to expect, fees and insurance</Link>
        </p>
      ) : null}
    </section>
  );
}
