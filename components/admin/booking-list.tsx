import Link from "next/link";
import type { BookingListItem } from "@/lib/booking/requests";
import { formatLabels } from "@/lib/booking/session-types";
import { bookingStatusLabels } from "./booking-status";
import { RecordTable } from "./record-table";
import { When } from "./when";

/** The mark on a request whose visitor could not be sent her code. */
export const EMAIL_HELD_BACK = "Address not confirmed, email held back";

/** A table of bookings; names are rendered as text by React, whatever a visitor typed. */
export function BookingList({ items, caption }: { items: BookingListItem[]; caption: string }) {
  return (
    <RecordTable caption={caption} columns={["When", "Who", "Status"]} className="message-list">
      {items.map((item) => (
        <tr key={item.id} className={item.status === "requested" ? "unread" : undefined}>
          <td>
            <When at={item.startsAt} />
            <br />
            <span className="muted">
              {item.sessionName} · {formatLabels[item.format]}
            </span>
          </td>
          <td>
            {/* Not prefetched: opening a booking records the read. */}
            <Link href={`/admin/requests/${item.id}`} prefetch={false}>
              {item.name}
            </Link>
          </td>
          <td>
            {item.status === "requested" ? <strong>{bookingStatusLabels[item.status]}</strong> : bookingStatusLabels[item.status]}
            {item.emailHeldBack ? (
              <>
                <br />
                <span className="muted">{EMAIL_HELD_BACK}</span>
              </>
            ) : null}
          </td>
        </tr>
      ))}
    </RecordTable>
  );
}
