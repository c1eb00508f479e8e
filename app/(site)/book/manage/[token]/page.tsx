import type { Metadata, Route } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CancelBookingForm } from "@/components/booking/cancel-booking-form";
import { DeadBookingLink } from "@/components/booking/dead-booking-link";
import { RescheduleForm } from "@/components/booking/reschedule-form";
import { MonthCalendar } from "@/components/booking/month-calendar";
import { TimeZoneForm } from "@/components/booking/time-zone-form";
import { CrisisLines } from "@/components/site/crisis-lines";
import { managePage } from "@/lib/booking/booking-page";
import { formatLabels } from "@/lib/booking/session-types";
import { practice } from "@/lib/practice/practice";
import { cancelBookingAction, rescheduleBookingAction } from "./actions";

// The path carries a capability: keep it out of search engines, and out of
// Referer headers to other sites. Not "no-referrer": Chromium then posts the
// page's forms with "Origin: null", which Next rightly refuses as cross-site.
export const metadata: Metadata = {
  title: "Your booking",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

const statusText = {
  requested: "Requested: your time is held while it is confirmed",
  confirmed: "Confirmed",
  declined: "Not offered",
  cancelled: "Cancelled",
  expired: "Lapsed: the request was not confirmed in time",
  completed: "Completed",
  no_show: "Missed",
} as const;

export default async function ManageBookingPage({ params, searchParams }: PageProps<"/book/manage/[token]">) {
  await connection();
  const { token } = await params;
  const query = await searchParams;
  const tz = one(query.tz);
  const day = one(query.day);
  const page = await managePage(token, { tz, day });
  // A wrong, malformed or expired link: one page for all three, saying what may have happened and where to turn.
  if (!page) return <DeadBookingLink />;
  const { booking } = page;
  const path = `/book/manage/${token}`;
  const active = booking.status === "requested" || booking.status === "confirmed";
  const done = one(query.done);
  const isNew = one(query.new) === "1";
  const here = (next: Record<string, string>, hash: string) =>
    `${path}?${new URLSearchParams({ ...(tz ? { tz } : {}), ...next }).toString()}${hash}` as Route;

  // Each news notice below is where a submit lands (a request, a move, a cancellation): it takes focus, so it is read out.
  return (
    <div className="container booking">
      <div className="prose">
        <h1>Your {booking.sessionName.toLowerCase()}</h1>
        {isNew ? (
          <div className="notice notice-success form-answer" role="status" tabIndex={-1} autoFocus>
            <h2>{booking.status === "confirmed" ? "Your appointment is booked" : "Your request has been sent"}</h2>
            <p>
              {booking.status === "confirmed"
                ? "We have emailed you a confirmation with a calendar file."
                : `Your time is held. ${practice.therapist.name} will confirm it by email.`}{" "}
              This page is private to you: the email we sent has its link, so you can come back to it any time.
            </p>
          </div>
        ) : null}
        {done === "cancelled" && booking.status === "cancelled" ? (
          <div className="notice notice-success form-answer" role="status" tabIndex={-1} autoFocus>
            <h2>Your appointment has been cancelled</h2>
            <p>We have emailed you to confirm. You are welcome to book again whenever you are ready.</p>
          </div>
        ) : null}
        {done === "rescheduled" && active ? (
          <div className="notice notice-success form-answer" role="status" tabIndex={-1} autoFocus>
            <h2>Your appointment has moved</h2>
            <p>Its new time is below, and we have emailed you the change.</p>
          </div>
        ) : null}

        <dl className="booking-details">
          <dt>Status</dt>
          <dd>
            <strong>{statusText[booking.status]}</strong>
            {booking.status === "requested" && page.expires ? <> (you will hear back by {page.expires})</> : null}
          </dd>
          <dt>For</dt>
          <dd>{booking.name}</dd>
          <dt>When</dt>
          <dd>
            <span className="when">{page.when}</span>
          </dd>
          <dt>Time zone</dt>
          <dd id="zone-name">{page.zoneLabel}</dd>
          <dt>How</dt>
          <dd>{formatLabels[booking.format]}</dd>
          {booking.status === "confirmed" ? (
            <>
              <dt>{booking.format === "in-person" ? "Where" : "Joining"}</dt>
              <dd>{booking.format === "in-person" ? practice.booking.inPersonAddress.join(", ") : practice.booking.telehealthInstructions}</dd>
            </>
          ) : null}
        </dl>
        {booking.therapistNote ? (
          <blockquote className="therapist-note">
            <p>A note from {practice.therapist.name}:</p>
            <p>{booking.therapistNote}</p>
          </blockquote>
        ) : null}

        {active && booking.canChange ? (
          <div className="booking-actions">
            <p>You can move or cancel online until {page.changeCutoff}.</p>
            <p>
              <a href="#reschedule" className="button">
                Move to another time
              </a>{" "}
              <a href={`${path}/calendar.ics`} download="appointment.ics" className="button button-secondary">
                Add to my calendar (.ics)
              </a>
            </p>
            <CancelBookingForm token={token} action={cancelBookingAction} />
          </div>
        ) : active ? (
          <p>
            <a href={`${path}/calendar.ics`} download="appointment.ics" className="button button-secondary">
              Add to my calendar (.ics)
            </a>
          </p>
        ) : (
          <p>
            <Link href="/book">Book another time</Link>
          </p>
        )}
      </div>

      {active && booking.canChange ? (
        <section id="reschedule" aria-labelledby="reschedule-heading" tabIndex={-1} className="section section-tight booking-step">
          <h2 id="reschedule-heading">Move to another time</h2>
          <TimeZoneForm action={`${path}#reschedule`} zone={page.zone} hidden={{ day }} />
          {page.days.length === 0 ? (
            <p>There are no other free times just now.</p>
          ) : (
            <MonthCalendar
              days={page.days}
              chosen={page.day?.day}
              month={one(query.month)}
              dayHref={(next) => here({ day: next }, "#reschedule-times")}
              monthHref={(month) => here({ month }, "#reschedule")}
            >
              {page.day ? (
                <div id="reschedule-times" tabIndex={-1}>
                  {page.times.length > 0 ? (
                    <RescheduleForm
                      token={token}
                      times={page.times}
                      dayLabel={page.day.label}
                      zoneLabel={page.zoneLabel}
                      action={rescheduleBookingAction}
                    />
                  ) : (
                    <p>No time is free on {page.day.label}. Please choose another day.</p>
                  )}
                </div>
              ) : (
                <p className="meta">Choose a day to see its times.</p>
              )}
            </MonthCalendar>
          )}
        </section>
      ) : active ? (
        <div className="prose">
          <TimeZoneForm action={path} zone={page.zone} hidden={{ day }} />
        </div>
      ) : null}

      {active && !booking.canChange ? (
        <section aria-labelledby="late-heading" className="section section-tight prose">
          <h2 id="late-heading">Changes are closed online</h2>
          <p>
            This appointment can no longer be moved or cancelled online: changes close {practice.booking.changeCutoffHours} hours before it starts.
          </p>
          <p>{practice.booking.lateCancellationPolicy}</p>
          <p>
            To change it, please email <a href={`mailto:${practice.contactEmail}`}>{practice.contactEmail}</a>
            {practice.phone ? (
              <>
                {" "}
                or call <a href={`tel:${practice.phone.replaceAll(" ", "")}`}>{practice.phone}</a>
              </>
            ) : null}
            .
          </p>
        </section>
      ) : null}

      <div className="section section-tight prose">
        <div className="notice notice-info">
          <p>
            <strong>This page is not watched around the clock.</strong> If you are in crisis or in danger, please reach out now:
          </p>
          <CrisisLines />
        </div>
      </div>
    </div>
  );
}
