import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { BookingList } from "@/components/admin/booking-list";
import { WeekView } from "@/components/admin/week-view";
import { bookingsAtAGlance, calendarsNeedingAttention, weekForOverview } from "@/lib/admin/booking";
import { waitlistAtAGlance } from "@/lib/admin/waitlist";
import { messagesNeedingAttention } from "@/lib/admin/messages";
import { outboxNeedingAttention } from "@/lib/admin/outbox";
import { formatDateTime, zoneLabel } from "@/lib/booking/format";
import { practice } from "@/lib/practice/practice";

const formatPracticeTime = (at: Date) => formatDateTime(at, practice.timeZone);

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await connection();
  // One after the other: when the guard refuses the first, the second never starts.
  const messages = await messagesNeedingAttention();
  const outbox = await outboxNeedingAttention();
  const sessions = await bookingsAtAGlance();
  const week = await weekForOverview();
  const waitlist = await waitlistAtAGlance();
  const failingCalendars = await calendarsNeedingAttention();
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <>
      <h1>Your week</h1>
      <p>
        Times are in {zoneLabel(week.timeZone)}. Each entry opens its record. <Link href="/admin/requests">All requests and sessions</Link>
      </p>
      <WeekView weeks={week.weeks} timeZone={week.timeZone} />
      <h2>What needs attention</h2>
      <ul className="admin-cards">
        <li className="card">
          <h3>Messages</h3>
          <p>
            {messages.unread === 0 ? "No new messages." : <strong>{plural(messages.unread, "new message", "new messages")}.</strong>}{" "}
            {messages.readNotHandled > 0 ? `${plural(messages.readNotHandled, "read message", "read messages")} not yet handled.` : null}
          </p>
          <p>
            <Link href="/admin/messages">Open the inbox</Link>
          </p>
        </li>
        <li className="card">
          <h3>Email delivery</h3>
          <p>
            {outbox.failed === 0 ? "Every email was delivered or is on its way." : <strong>{plural(outbox.failed, "email could not be delivered", "emails could not be delivered")}.</strong>}
          </p>
          {outbox.heldBack.count > 0 ? (
            <p role="status">
              <strong>
                {plural(outbox.heldBack.count, "email to an unconfirmed address was", "emails to unconfirmed addresses were")} held back in the
                last 24 hours
              </strong>
              {outbox.heldBack.latest ? ` (the latest at ${formatPracticeTime(outbox.heldBack.latest)})` : null}: the forms were sent more
              than {outbox.ceilingPerHour} times in an hour, which usually means someone is using them to send mail. What people wrote
              is kept in the inbox and the requests; they were not emailed.
            </p>
          ) : null}
          <p>
            <Link href="/admin/outbox">Open the outbox</Link>
          </p>
        </li>
        <li className="card">
          <h3>Waitlist</h3>
          <p>
            {waitlist.waiting === 0 ? "Nobody is waiting." : `${plural(waitlist.waiting, "person is", "people are")} waiting for a time.`}{" "}
            {waitlist.holdingOffers > 0 ? `${plural(waitlist.holdingOffers, "holds", "hold")} an offer now.` : null}
          </p>
          <p>
            <Link href="/admin/waitlist">Open the waitlist</Link>
          </p>
        </li>
        {failingCalendars.length > 0 ? (
          <li className="card" data-testid="calendars-failing">
            <h3>Your calendars</h3>
            <p role="status">
              <strong>
                {failingCalendars.map((calendar) => calendar.name).join(", ")} could not be read for over an hour
              </strong>{" "}
              (since {formatPracticeTime(failingCalendars.map((calendar) => calendar.failingSince).sort((a, b) => a.getTime() - b.getTime())[0]!)}). Until{" "}
              {failingCalendars.length === 1 ? "it reads" : "they read"} again, /book goes by the last copy that could be read.
            </p>
            <p>
              <Link href="/admin/availability">See what went wrong</Link>
            </p>
          </li>
        ) : null}
      </ul>
      <section aria-labelledby="awaiting-heading">
        <h2 id="awaiting-heading">Awaiting your answer</h2>
        {sessions.awaitingAnswer.length === 0 ? (
          <p>No request is waiting for an answer.</p>
        ) : (
          <BookingList items={sessions.awaitingAnswer} caption="Requests awaiting your answer, soonest first" />
        )}
      </section>
    </>
  );
}
