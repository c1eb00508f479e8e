import type { Metadata, Route } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TimeZoneDetector } from "@/components/booking/time-zone-detector";
import { TimeZoneForm } from "@/components/booking/time-zone-form";
import { CrisisLines } from "@/components/site/crisis-lines";
import { PracticeContact } from "@/components/site/practice-contact";
import { bookingPage } from "@/lib/booking/booking-page";
import { durationLabel, formatLabels } from "@/lib/booking/session-types";
import { practice } from "@/lib/practice/practice";

export const metadata: Metadata = {
  title: "Book an appointment",
  description: `Choose a free time for a consultation call or an intake session with ${practice.therapist.name}.`,
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function BookPage({ searchParams }: PageProps<"/book">) {
  await connection();
  const params = await searchParams;
  const query = { type: one(params.type), day: one(params.day), tz: one(params.tz) };
  const page = await bookingPage(query);
  const href = (next: Record<string, string | undefined>, hash = "") => {
    const search = new URLSearchParams(Object.entries({ ...query, ...next }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `/book?${search.toString()}${hash}` as Route;
  };

  return (
    <div className="container booking">
      <TimeZoneDetector />
      <div className="prose">
        <h1>Book an appointment</h1>
        <p>
          Choose what you would like to book, then a day and a time that suit you. {practice.therapist.name} confirms each
          intake request personally; your time is held for you while she does.
        </p>
        <div className="notice notice-info">
          <p>
            <strong>Booking is not for emergencies.</strong> If you are in crisis or in danger, please reach out now:
          </p>
          <CrisisLines />
        </div>
      </div>

      <section className="booking-zone" aria-label="Time zone">
        <p>
          Times are shown in <strong id="zone-name">{page.zoneLabel}</strong>.
        </p>
        <TimeZoneForm action="/book" zone={page.zone} hidden={{ type: query.type, day: query.day }} />
      </section>

      <section aria-labelledby="step-type">
        <h2 id="step-type">1. What would you like to book?</h2>
        <ul className="cards session-types">
          {page.sessionTypes.map((type) => {
            const chosen = page.sessionType?.slug === type.slug;
            return (
              <li key={type.slug} className={`card${chosen ? " card-chosen" : ""}`}>
                <h3>{type.name}</h3>
                <p className="meta">
                  {durationLabel(type)} · {type.formats.map((format) => formatLabels[format]).join(" or ")}
                </p>
                <p>{type.description}</p>
                {chosen ? (
                  <p className="chosen-mark">
                    <strong>Chosen.</strong> Now pick a day below.
                  </p>
                ) : (
                  <Link href={href({ type: type.slug, day: undefined }, "#step-day")} className="button button-secondary">
                    Choose {type.name.toLowerCase()}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {page.sessionType ? (
        <section aria-labelledby="step-day">
          <h2 id="step-day">2. Choose a day</h2>
          {page.days.length === 0 ? (
            <p>
              There are no free times in the next {page.sessionType.horizonDays} days. Please{" "}
              <Link href="/contact">send a message</Link> and {practice.therapist.name} will find a time with you.
            </p>
          ) : (
            <ul className="day-list">
              {page.days.map((day) => (
                <li key={day.day}>
                  <Link href={href({ day: day.day }, "#step-time")} aria-current={page.day?.day === day.day ? "true" : undefined}>
                    {day.label}
                    <span className="count">
                      {day.count} {day.count === 1 ? "time" : "times"}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {page.sessionType && page.day ? (
        <section aria-labelledby="step-time">
          <h2 id="step-time">3. Choose a time on {page.day.label}</h2>
          {page.times.length === 0 ? (
            <p>No time is free on that day any more. Please choose another day above.</p>
          ) : (
            <ul className="time-list">
              {page.times.map((time) => (
                <li key={time.startsAt}>
                  <Link
                    href={`/book/request?${new URLSearchParams({ type: page.sessionType!.slug, start: time.startsAt, tz: page.zone }).toString()}` as Route}
                  >
                    {time.label}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <div className="section">
        <PracticeContact />
      </div>
    </div>
  );
}
