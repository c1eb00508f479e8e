import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { ActionButton } from "@/components/admin/action-button";
import { RecordTable } from "@/components/admin/record-table";
import { When } from "@/components/admin/when";
import { findSubscribers, newsletterTotals, readSubscriberSearch } from "@/lib/admin/newsletter";
import { eraseSubscriberAction, searchSubscribersAction } from "./actions";
import { SUBSCRIBER_SEARCH_COOKIE } from "./search-cookie";

export const metadata: Metadata = { title: "Subscribers" };

const statusLabels = { pending: "Not confirmed yet", confirmed: "Confirmed", unsubscribed: "Unsubscribed" } as const;

function sourceLabel(source: string) {
  if (source.startsWith("post:")) return `Blog post “${source.slice(5)}”`;
  return { footer: "Page footer", newsletter: "Newsletter page", freebies: "Freebies page", library: "Library" }[source] ?? source;
}

export default async function SubscribersPage({ searchParams }: PageProps<"/admin/subscribers">) {
  await connection();
  const params = await searchParams;
  // The search itself comes by POST and is remembered in a cookie: only the page number is in the URL.
  const search = readSubscriberSearch((await cookies()).get(SUBSCRIBER_SEARCH_COOKIE.name)?.value);
  const [found, totals] = await Promise.all([findSubscribers({ q: search.q, status: search.status, page: params.page }), newsletterTotals()]);
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize));
  const pageLink = (page: number) => `/admin/subscribers?page=${page}` as const;

  return (
    <>
      <h1>Subscribers</h1>
      {params.erased ? (
        <p className="notice notice-success" role="status">
          The subscriber was erased, with every email addressed to them.
        </p>
      ) : null}
      {params.problem === "erase" ? (
        <p className="notice notice-error" role="alert">
          That subscriber could not be found; they may have been erased already.
        </p>
      ) : null}
      <h2>Totals</h2>
      <dl className="totals" data-testid="totals">
        <dt>Confirmed</dt>
        <dd>{totals.confirmed}</dd>
        <dt>Not confirmed yet</dt>
        <dd>{totals.pending}</dd>
        <dt>Unsubscribed</dt>
        <dd>{totals.unsubscribed}</dd>
        <dt>Stopped (bounce or complaint)</dt>
        <dd>{totals.suppressed}</dd>
        <dt>Last 30 days</dt>
        <dd>
          {totals.last30Days.confirmed} joined, {totals.last30Days.unsubscribed} left: net {totals.last30Days.net > 0 ? "+" : ""}
          {totals.last30Days.net}
        </dd>
      </dl>
      <p>
        <a href="/admin/subscribers/export" className="button button-secondary" download>
          Download all as CSV
        </a>
      </p>

      <h2>Find a subscriber</h2>
      <form action={searchSubscribersAction} className="form" role="search" aria-label="Subscribers">
        <div className="field">
          <label htmlFor="q">Email address or first name</label>
          <input type="search" id="q" name="q" defaultValue={found.query} maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={found.status ?? ""}>
            <option value="">Any</option>
            <option value="confirmed">Confirmed</option>
            <option value="pending">Not confirmed yet</option>
            <option value="unsubscribed">Unsubscribed</option>
            <option value="suppressed">Stopped (bounce or complaint)</option>
          </select>
        </div>
        <div>
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>

      <p>
        {found.total} {found.total === 1 ? "subscriber" : "subscribers"}
        {pages > 1 ? `, page ${found.page} of ${pages}` : ""}.
      </p>
      {found.subscribers.length > 0 ? (
        <RecordTable caption="Subscribers, newest first" columns={["Email", "First name", "Status", "Signed up on", "Signed up", ""]}>
          {found.subscribers.map((subscriber) => (
            <tr key={subscriber.id}>
              <td>{subscriber.email}</td>
              <td>{subscriber.firstName ?? "—"}</td>
              <td>{subscriber.suppressedAt ? `Stopped (${subscriber.suppressionReason ?? "bounce"})` : statusLabels[subscriber.status]}</td>
              <td>{sourceLabel(subscriber.source)}</td>
              <td>
                <When at={subscriber.createdAt} />
              </td>
              <td>
                <ActionButton action={eraseSubscriberAction} fields={{ id: subscriber.id }} className="button button-danger" label={`Erase ${subscriber.email}`}>
                  Erase
                </ActionButton>
              </td>
            </tr>
          ))}
        </RecordTable>
      ) : null}
      {pages > 1 ? (
        <nav aria-label="Pages of subscribers">
          {found.page > 1 ? <Link href={pageLink(found.page - 1)}>← Newer</Link> : null}{" "}
          {found.page < pages ? <Link href={pageLink(found.page + 1)}>Older →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
