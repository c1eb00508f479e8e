import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { BookingList } from "@/components/admin/booking-list";
import { bookingStatusLabels } from "@/components/admin/booking-status";
import { listBookings } from "@/lib/admin/booking";
import { bookingStatuses } from "@/lib/booking/requests";

export const metadata: Metadata = { title: "Requests" };

const whenLabels = { all: "Upcoming, then past", upcoming: "Upcoming only", past: "Past only" } as const;

export default async function RequestsPage({ searchParams }: PageProps<"/admin/requests">) {
  await connection();
  const { items, total, filter } = await listBookings(await searchParams);
  return (
    <>
      <h1>Requests and sessions</h1>
      <p>
        Upcoming first, soonest at the top. <Link href="/admin/requests?status=requested">Awaiting your answer</Link> ·{" "}
        <Link href="/admin/requests?status=confirmed&amp;when=upcoming">Confirmed, upcoming</Link> · <Link href="/admin/requests">Everything</Link>
      </p>
      {/* A plain GET form: filtering works the same without JavaScript. */}
      <form method="get" action="/admin/requests" className="filter-form">
        <p>
          <label htmlFor="filter-status">Status</label>{" "}
          <select id="filter-status" name="status" defaultValue={filter.status}>
            <option value="all">Any status</option>
            {bookingStatuses.map((status) => (
              <option key={status} value={status}>
                {bookingStatusLabels[status]}
              </option>
            ))}
          </select>{" "}
          <label htmlFor="filter-when">When</label>{" "}
          <select id="filter-when" name="when" defaultValue={filter.when}>
            {Object.entries(whenLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>{" "}
          <button type="submit" className="button button-secondary">
            Show
          </button>
        </p>
      </form>
      {items.length === 0 ? (
        <p>Nothing matches.</p>
      ) : (
        <>
          <p className="muted">
            {total === items.length ? `${total} shown.` : `The first ${items.length} of ${total} shown.`}
          </p>
          <BookingList items={items} caption="Requests and sessions, upcoming first" />
        </>
      )}
    </>
  );
}
