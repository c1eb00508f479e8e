import type { Metadata, Route } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { connection } from "next/server";
import { OutOfStateHelp } from "@/components/booking/out-of-state-help";
import { BookingRequestForm } from "@/components/forms/booking-request-form";
import { CrisisLines } from "@/components/site/crisis-lines";
import { requestPage } from "@/lib/booking/booking-page";
import { WhereForm } from "@/components/booking/where-form";
import { durationLabel, feeLine, formatLabels } from "@/lib/booking/session-types";
import { askedWhere, locationName, whereYouWillBe } from "@/lib/practice/us-states";
import { practice } from "@/lib/practice/practice";
import { requestBookingAction } from "../actions";

export const metadata: Metadata = {
  title: "Your details",
  robots: { index: false, follow: false },
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function BookingRequestPage({ searchParams }: PageProps<"/book/request">) {
  await connection();
  const params = await searchParams;
  const page = await requestPage({ type: one(params.type), start: one(params.start), tz: one(params.tz) });

  if (page.status === "no-time") {
    return (
      <div className="container prose">
        <h1>Choose a time first</h1>
        <p>
          This page needs a time to book. Please <Link href="/book">choose one on the booking page</Link>.
        </p>
      </div>
    );
  }

  if (page.status === "not-available") {
    return (
      <div className="container prose">
        <h1>This time is not available</h1>
        <p>
          The time in this link is not one that can be booked. Please <Link href="/book">choose a time on the booking page</Link>.
        </p>
      </div>
    );
  }

  const { sessionType } = page;
  // Asked first on /book and carried here; an old link without it gets /book's question first, then the form.
  const where = askedWhere(one(params.where));
  const licensedHere = where ? practice.licensedStates.includes(where) : false;
  const back = `/book?${new URLSearchParams({ type: sessionType.slug, tz: page.zone, ...(licensedHere && where ? { where } : {}) }).toString()}#step-day` as Route;
  return (
    <div className="container booking">
      <div className="prose">
        <h1>
          {sessionType.confirmation === "immediate" ? "Book" : "Request"} your {sessionType.name.toLowerCase()}
        </h1>
        <div className="booking-summary">
          <p>
            <strong>{sessionType.name}</strong> · {durationLabel(sessionType)} · {feeLine(sessionType.fee)}
          </p>
          {page.free ? <p className="when">{page.choice.label}</p> : null}
          <p>Times are shown in {page.zoneLabel}.</p>
          {where && licensedHere ? <p>During the session you will be in {locationName(where)}.</p> : null}
          <p>
            <Link href={back}>Choose another time</Link>
          </p>
        </div>
        <p>
          We ask only what is needed to book.{" "}
          {sessionType.confirmation === "immediate"
            ? "The time is yours as soon as you send this."
            : `Your time is held as soon as you send this, and ${practice.therapist.name} will confirm it by email within ${practice.booking.requestExpiryHours} hours.`}
        </p>
      </div>
      {!where ? (
        <section className="section section-tight booking-step" aria-label="Where you will be">
          <WhereForm
            action="/book/request#where-answer"
            hidden={{ type: sessionType.slug, start: page.choice.startsAt, tz: page.zone }}
            licensedStates={practice.licensedStates}
          />
        </section>
      ) : !licensedHere ? (
        <div id="where-answer" className="notice notice-info section section-tight" tabIndex={-1} autoFocus role="status">
          <h2>We&apos;re sorry: this practice can&apos;t see you {whereYouWillBe(where)}</h2>
          <OutOfStateHelp />
        </div>
      ) : (
        <div id="where-answer" className="section section-tight">
          <BookingRequestForm
            formKey={randomUUID()}
            action={requestBookingAction}
            sessionType={{
              slug: sessionType.slug,
              name: sessionType.name,
              formats: sessionType.formats.map((value) => ({ value, label: formatLabels[value] })),
              confirmation: sessionType.confirmation,
            }}
            timeZone={page.zone}
            choice={page.free ? page.choice : null}
            alternatives={page.alternatives}
            location={where}
            crisisLines={<CrisisLines />}
            outOfStateHelp={<OutOfStateHelp />}
          />
        </div>
      )}
    </div>
  );
}
