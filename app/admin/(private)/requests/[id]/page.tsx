import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { bookingStatusLabels } from "@/components/admin/booking-status";
import { When } from "@/components/admin/when";
import { ReplyForm } from "@/components/admin/reply-form";
import { ReplyThread } from "@/components/admin/reply-thread";
import { decisionOutcomes, openBooking } from "@/lib/admin/booking";
import { replyDeliveryLabels } from "@/lib/admin/replies";
import { heardAboutLabel } from "@/lib/booking/schema";
import { formatLabels } from "@/lib/booking/session-types";
import { decideBookingAction, replyToRequestAction } from "../actions";

export const metadata: Metadata = { title: "Request" };

function Decision({ id, decision, label, danger = false, withNote, anyway = false }: { id: string; decision: string; label: string; danger?: boolean; withNote?: string; anyway?: boolean }) {
  const noteId = `note-${decision}`;
  return (
    <form action={decideBookingAction} className="decision-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="decision" value={decision} />
      {anyway ? <input type="hidden" name="anyway" value="yes" /> : null}
      {withNote ? (
        <p className="field">
          <label htmlFor={noteId}>{withNote}</label>
          <textarea id={noteId} name="note" rows={3} maxLength={1000} aria-describedby={`${noteId}-hint`} />
          <span id={`${noteId}-hint`} className="hint">
            Optional. It goes to the client by email: no clinical detail.
          </span>
        </p>
      ) : null}
      <button type="submit" className={danger ? "button button-danger" : "button"}>
        {label}
      </button>
    </form>
  );
}

export default async function RequestPage({ params, searchParams }: PageProps<"/admin/requests/[id]">) {
  await connection();
  const { id } = await params;
  const { outcome, replied } = await searchParams;
  const booking = await openBooking(id);
  const { started } = booking;
  const notice = typeof outcome === "string" && Object.hasOwn(decisionOutcomes, outcome) ? decisionOutcomes[outcome as keyof typeof decisionOutcomes] : undefined;
  return (
    <>
      <p>
        <Link href="/admin/requests">← All requests</Link>
      </p>
      <h1>
        {booking.sessionName} with {booking.name}
      </h1>
      {notice ? (
        <p role="status" className={outcome === "refused" || outcome === "note-too-long" || outcome === "busy" ? "notice notice-error" : "notice notice-success"}>
          {notice}
        </p>
      ) : null}
      <dl className="details">
        <dt>Status</dt>
        <dd data-testid="booking-status">{bookingStatusLabels[booking.status]}</dd>
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
        <dt>Format</dt>
        <dd>{formatLabels[booking.format]}</dd>
        <dt>Email</dt>
        <dd>{booking.email}</dd>
        {booking.phone ? (
          <>
            <dt>Phone</dt>
            <dd>{booking.phone}</dd>
          </>
        ) : null}
        <dt>Will be in</dt>
        <dd>{booking.locationName}</dd>
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

      <section aria-labelledby="replies-heading" id="replies">
        <h2 id="replies-heading">Your replies</h2>
        {replied === "1" ? (
          <p role="status" className="notice notice-success">
            Your reply is on its way.
          </p>
        ) : null}
        <ReplyThread replies={booking.replies.map((reply) => ({ ...reply, deliveryLabel: replyDeliveryLabels[reply.delivery] }))} />
        <ReplyForm key={booking.replies.length} action={replyToRequestAction} id={booking.id} />
      </section>

      <h2>Actions</h2>
      <div className="actions">
        {booking.status === "requested" ? (
          <>
            {outcome === "busy" ? (
              <Decision id={booking.id} decision="confirm" label="Confirm anyway" withNote="Note to the client (confirming)" anyway />
            ) : (
              <Decision id={booking.id} decision="confirm" label="Confirm" withNote="Note to the client (confirming)" />
            )}
            <Decision id={booking.id} decision="decline" label="Decline" withNote="Note to the client (declining)" danger />
          </>
        ) : null}
        {booking.status === "confirmed" ? <Decision id={booking.id} decision="cancel" label="Cancel this session" withNote="Note to the client (cancelling)" danger /> : null}
        {started && ["confirmed", "no_show"].includes(booking.status) ? <Decision id={booking.id} decision="completed" label="Mark completed" /> : null}
        {started && ["confirmed", "completed"].includes(booking.status) ? <Decision id={booking.id} decision="no_show" label="Mark no-show" /> : null}
        {["declined", "cancelled", "expired"].includes(booking.status) ? (
          <p>Nothing left to do here.</p>
        ) : null}
      </div>
    </>
  );
}
