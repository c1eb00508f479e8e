import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { When } from "@/components/admin/when";
import { openMessage } from "@/lib/admin/messages";
import { deleteMessageAction, setMessageArchivedAction, setMessageHandledAction } from "../actions";

export const metadata: Metadata = { title: "Message" };

export default async function MessagePage({ params }: PageProps<"/admin/messages/[id]">) {
  await connection();
  const { id } = await params;
  const message = await openMessage(id);
  return (
    <>
      <p>
        <Link href={message.archivedAt ? "/admin/messages/archived" : "/admin/messages"}>← All messages</Link>
      </p>
      <h1>Message from {message.name}</h1>
      <dl className="details">
        <dt>Received</dt>
        <dd>
          <When at={message.createdAt} />
        </dd>
        <dt>Email</dt>
        <dd>{message.email}</dd>
        {message.phone ? (
          <>
            <dt>Phone</dt>
            <dd>{message.phone}</dd>
          </>
        ) : null}
        <dt>Prefers</dt>
        <dd>{message.preferredContact === "phone" ? "a phone call" : "an email"}</dd>
        <dt>Status</dt>
        <dd>
          {message.handledAt ? (
            <>
              Handled <When at={message.handledAt} />
            </>
          ) : (
            "Not handled yet"
          )}
          {message.archivedAt ? " · archived" : null}
        </dd>
      </dl>
      <h2>Message</h2>
      {/* Whatever the visitor typed is a text node: React escapes it, markup included. */}
      <div className="visitor-text" data-testid="visitor-text">
        {message.message}
      </div>
      <p className="muted">
        Consent given <When at={message.consentedAt} /> to privacy notice version {message.consentNoticeVersion}.
      </p>

      <h2>Actions</h2>
      <div className="actions">
        <form action={setMessageHandledAction}>
          <input type="hidden" name="id" value={message.id} />
          <input type="hidden" name="handled" value={message.handledAt ? "no" : "yes"} />
          <button type="submit" className="button">
            {message.handledAt ? "Mark as not handled" : "Mark as handled"}
          </button>
        </form>
        <form action={setMessageArchivedAction}>
          <input type="hidden" name="id" value={message.id} />
          <input type="hidden" name="archived" value={message.archivedAt ? "no" : "yes"} />
          <button type="submit" className="button button-secondary">
            {message.archivedAt ? "Move back to the inbox" : "Archive"}
          </button>
        </form>
        <form action={deleteMessageAction}>
          <input type="hidden" name="id" value={message.id} />
          <button type="submit" className="button button-danger">
            Delete permanently
          </button>
        </form>
      </div>
    </>
  );
}
