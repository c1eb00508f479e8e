import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { BookingDecisionForm, type DecisionChoice } from "@/components/admin/booking-decision-form";
import { EMAIL_HELD_BACK } from "@/components/admin/booking-list";
import { bookingStatusLabels } from "@/components/admin/booking-status";
import { When } from "@/components/admin/when";
import { DayHours, ScheduleEntryItem } from "@/components/admin/week-view";
import { formatShortDay, zoneLabel } from "@/lib/booking/format";
import type { ScheduleDay } from "@/lib/booking/week";
import { practice } from "@/lib/practice/practice";
import { ReachDetails } from "@/components/admin/reach-details";
import { RepliesSection } from "@/components/admin/replies-section";
import { openBooking } from "@/lib/admin/booking";
import { heardAboutLabel, paymentLabel } from "@/lib/booking/schema";
import { formatLabels } from "@/lib/booking/session-types";
import { decideBookingAction, replyToRequestAction } from "../actions";

export const metadata: Metadata = { title: "Request" };

/** The decisions a booking's state allows now: answer a request, cancel a session, mark one that has started. */
function choicesFor({ status, started }: { status: string; started: boolean }): DecisionChoice[] {
  const choices: DecisionChoice[] = [];
  if (status === "requested") choices.push({ decision: "confirm", label: "Confirm" }, { decision: "decline", label: "Decline", danger: true });
  if (status === "confirmed") choices.push({ decision: "cancel", label: "Cancel this session", danger: true });
  if (started && ["confirmed", "no_show"].includes(status)) choices.push({ decision: "completed", label: "Mark completed" });
  if (started && ["confirmed", "completed"].includes(status)) choices.push({ decision: "no_show", label: "Mark no-show" });
  return choices;
}

/** What else is on the request's day, beside the decision: her hours, sessions, other requests and busy times. */
function ThatDay({ day, bookingId }: { day: ScheduleDay; bookingId: string }) {
  return (
    <aside className="that-day" aria-labelledby="that-day-heading" data-testid="that-day">
      <h2 id="that-day-heading">That day, {formatShortDay(day.day)}</h2>
      <DayHours day={day} />
      <ul className="week-entries">
        {day.entries.map((entry) => (
          <ScheduleEntryItem key={`${entry.kind}-${entry.id}`} entry={entry} zone={practice.timeZone} current={entry.id === bookingId} />
        ))}
      </ul>
      <p className="muted">
        Times in {zoneLabel(practice.timeZone)}. <Link href="/admin">Your week</Link>
      </p>
    </aside>
  );
}

export default async function RequestPage({ params }: PageProps<"/admin/requests/[id]">) {
  await connection();
  const { id } = await params;
  const booking = await openBooking(id);
  // Unconfirmed: nothing to confirm or decline until she has reached the visitor.
  const choices = choicesFor(booking);
  return (
    <>
      <p>
        <Link href="/admin/requests">← All requests</Link>
      </p>
      <h1>
        {booking.sessionName} with {booking.name}
      </h1>
      {booking.emailHeldBack ? (
        <div className="notice notice-info" role="status">
          <p>
            {EMAIL_HELD_BACK}: the email that asks the visitor to confirm this time was held back, so the address is not proven and the time is held at most
            until {booking.holdExpiresAt ? <When at={booking.holdExpiresAt} /> : null}. She was asked to call or email the practice; you can reach her at the
            details below.
          </p>
        </div>
      ) : null}
      <div className="decide-at-top">
        <div>
          <dl className="details">
            <dt>Status</dt>
            <dd data-testid="booking-status">
              {bookingStatusLabels[booking.status]}
              {booking.emailHeldBack ? <> · {EMAIL_HELD_BACK}</> : null}
            </dd>
            <dt>When</dt>
            <dd>
              <When at={booking.startsAt} /> to <When at={booking.endsAt} /> <span className="muted">(client&apos;s zone: {booking.visitorTimeZone})</span>
            </dd>
            {booking.status === "requested" && booking.expiresAt ? (
              <>
                <dt>Answer by</dt>
                <dd>
                  <When at={booking.expiresAt} />
                </dd>
              </>
            ) : null}
          </dl>
          {/* Once decided the form stays, to say what was done and that nothing is left to do. */}
          {booking.emailHeldBack ? null : (
            <>
              <h2 className="visually-hidden">Your answer</h2>
              <BookingDecisionForm
                action={decideBookingAction}
                bookingId={booking.id}
                choices={choices}
                withNote={choices.some((choice) => ["confirm", "decline", "cancel"].includes(choice.decision))}
              />
            </>
          )}
        </div>
        {booking.day ? <ThatDay day={booking.day} bookingId={booking.id} /> : null}
      </div>
      <h2>Details</h2>
      <dl className="details">
        <dt>Format</dt>
        <dd>{formatLabels[booking.format]}</dd>
        <ReachDetails email={booking.email} phone={booking.phone} />
        <dt>Will be in</dt>
        <dd>{booking.locationName}</dd>
        <dt>Would like to pay</dt>
        <dd data-testid="booking-payment">
          {booking.payment ? (
            <>
              {paymentLabel(booking.payment)}
              {booking.insurancePlan ? `: ${booking.insurancePlan}` : null}
            </>
          ) : (
            <span className="muted">Not said</span>
          )}
        </dd>
        {booking.therapistApproves ? (
          <>
            <dt>Why it waits for you</dt>
            <dd>Its email domain already had other open bookings, so this one was not confirmed on its own.</dd>
          </>
        ) : null}
        <dt>Heard of the practice</dt>
        <dd>{heardAboutLabel(booking.heardAbout)}</dd>
        <dt>Requested</dt>
        <dd>
          <When at={booking.createdAt} />
        </dd>
        {booking.therapistNote ? (
          <>
            <dt>Your note</dt>
            <dd className="visitor-text">{booking.therapistNote}</dd>
          </>
        ) : null}
      </dl>
      <h2>What brings them</h2>
      {/* Whatever the visitor typed is a text node: React escapes it, markup included. */}
      {booking.whatBringsYou ? (
        <div className="visitor-text" data-testid="visitor-text">
          {booking.whatBringsYou}
        </div>
      ) : (
        <p className="muted">Nothing written.</p>
      )}
      <p className="muted">
        Consent given <When at={booking.consentedAt} /> to privacy notice version {booking.consentNoticeVersion}; not-an-emergency acknowledged{" "}
        <When at={booking.emergencyAcknowledgedAt} />.
      </p>

      <RepliesSection id={booking.id} replies={booking.replies} action={replyToRequestAction} />
    </>
  );
}
