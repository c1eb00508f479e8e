import type { Metadata, Route } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { MonthCalendar } from "@/components/booking/month-calendar";
import { OutOfStateHelp } from "@/components/booking/out-of-state-help";
import { TimeZoneDetector } from "@/components/booking/time-zone-detector";
import { TimeZoneForm } from "@/components/booking/time-zone-form";
import { WhereForm } from "@/components/booking/where-form";
import { PracticeContact } from "@/components/site/practice-contact";
import { bookingPage } from "@/lib/booking/booking-page";
import { durationLabel, feeLine, formatLabels } from "@/lib/booking/session-types";
import { practice } from "@/lib/practice/practice";
import { askedWhere, whereYouWillBe } from "@/lib/practice/us-states";

export const metadata: Metadata = {
  title: "Book an appointment",
  description: `Choose a free time for a consultation call or an intake session with ${practice.therapist.name}.`,
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function BookPage({ searchParams }: PageProps<"/book">) {
  await connection();
  const params = await searchParams;
  const where = askedWhere(one(params.where));
  const licensed = where ? practice.licensedStates.includes(where) : false;
  const asked = { where, type: one(params.type), day: one(params.day), month: one(params.month), tz: one(params.tz) };
  const page = await bookingPage(licensed ? asked : { tz: asked.tz });
  // A zone typed as a city is carried on as the zone it was found to be.
  const query = { ...asked, tz: asked.tz ? page.zone : undefined };
  const href = (next: Record<string, string | undefined>, hash = "") => {
    const search = new URLSearchParams(Object.entries({ ...query, ...next }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `/book?${search.toString()}${hash}` as Route;
  };

  // The waitlist's form starts from what was chosen here.
  const waitlistHref = `/book/waitlist?${new URLSearchParams(Object.entries({ type: query.type, where, tz: query.tz }).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString()}` as Route;

  return (
    <div className="container booking">
      <TimeZoneDetector />
      <div className="prose">
        <h1>Book an appointment</h1>
        <p>
          Say where you will be, choose what you would like to book, then a day and a time. {practice.therapist.name} confirms each intake request
          personally; your time is held for you while she does.
        </p>
        {/* The crisis lines are on every page (the banner links to them); here one line says booking is not the way. */}
        <p className="notice notice-info booking-emergency">
          <strong>Booking is not for emergencies.</strong> If you are in crisis or in danger, <a href="#crisis-help">reach out now</a>.
        </p>
      </div>

      <section aria-labelledby="step-where" className="booking-step">
        <h2 id="step-where" className="visually-hidden">
          1. Where you will be
        </h2>
        <WhereForm
          action="/book#where-answer"
          where={where}
          changeHref={href({ where: undefined, day: undefined, month: undefined }, "#step-where")}
          hidden={{ tz: query.tz, type: query.type }}
          licensedStates={practice.licensedStates}
        />
        {where && !licensed ? (
          <div id="where-answer" className="notice notice-info" tabIndex={-1} autoFocus role="status">
            <h3>We&apos;re sorry: this practice can&apos;t see you {whereYouWillBe(where)}</h3>
            <OutOfStateHelp />
          </div>
        ) : null}
      </section>

      {licensed ? (
        <section aria-labelledby="step-type" id="where-answer" tabIndex={-1} className="booking-step">
          <h2 id="step-type">2. What would you like to book?</h2>
          {page.sessionType ? (
            <p className="chosen-type">
              <strong>{page.sessionType.name}</strong>{" "}
              <span className="meta">
                · {durationLabel(page.sessionType)} · {page.sessionType.formats.map((format) => formatLabels[format]).join(" or ")} ·{" "}
                {feeLine(page.sessionType.fee)}
              </span>{" "}
              <Link href={href({ type: undefined, day: undefined, month: undefined }, "#step-type")}>Change</Link>
            </p>
          ) : (
            <ul className="cards session-types">
              {page.sessionTypes.map((type) => (
                <li key={type.slug} className="card">
                  <h3>{type.name}</h3>
                  <p className="meta">
                    {durationLabel(type)} · {type.formats.map((format) => formatLabels[format]).join(" or ")}
                  </p>
                  <p className="fee">{feeLine(type.fee)}</p>
                  <p>{type.description}</p>
                  <Link href={href({ type: type.slug, day: undefined, month: undefined }, "#step-day")} className="button button-secondary">
                    Choose {type.name.toLowerCase()}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {licensed && page.sessionType ? (
        <section aria-labelledby="step-day-heading" id="step-day" className="booking-step">
          <h2 id="step-day-heading">3. Choose a day and a time</h2>
          <div className="booking-zone">
            <p>
              Times are shown in <strong id="zone-name">{page.zoneLabel}</strong>.
            </p>
            <TimeZoneForm action="/book#step-day" zone={page.zone} hidden={{ where, type: query.type, day: query.day }} />
          </div>
          {page.days.length === 0 ? (
            <p>
              There are no free times in the next {page.sessionType.horizonDays} days. You can{" "}
              <Link href={waitlistHref}>join the waitlist</Link>: when a time that suits you becomes free, it is offered to you before anyone
              else sees it. Or <Link href="/contact">send a message</Link> and {practice.therapist.name} will find a time with you.
            </p>
          ) : (
            <MonthCalendar
              days={page.days}
              chosen={page.day?.day}
              month={query.month}
              dayHref={(day) => href({ day, month: undefined }, "#step-time")}
              monthHref={(month) => href({ month }, "#step-day")}
            >
              {page.day ? (
                <div id="step-time" tabIndex={-1}>
                  <h3>{page.day.label}</h3>
                  <p className="meta">Times in {page.zoneLabel}</p>
                  {page.times.length === 0 ? (
                    <p>No time is free on that day any more. Please choose another day.</p>
                  ) : (
                    <ul className="time-list">
                      {page.times.map((time) => (
                        <li key={time.startsAt}>
                          <Link
                            href={
                              `/book/request?${new URLSearchParams({ type: page.sessionType!.slug, start: time.startsAt, tz: page.zone, where: where! }).toString()}` as Route
                            }
                          >
                            {time.label}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ) : (
                <p className="meta">Choose a day to see its times.</p>
              )}
              <p className="waitlist-link">
                None of these work for me: <Link href={waitlistHref}>join the waitlist</Link>, and a time that suits you is offered to you when
                one becomes free.
              </p>
            </MonthCalendar>
          )}
        </section>
      ) : null}

      <div className="section">
        <PracticeContact />
      </div>
    </div>
  );
}
