import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ActionButton } from "@/components/admin/action-button";
import { When } from "@/components/admin/when";
import { ReachDetails } from "@/components/admin/reach-details";
import { RepliesSection } from "@/components/admin/replies-section";
import { openMessage } from "@/lib/admin/messages";
import { deleteMessageAction, replyToMessageAction, setMessageArchivedAction, setMessageHandledAction } from "../actions";

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
        <ReachDetails email={message.email} phone={message.phone} emailHeldBack={Boolean(message.emailHeldBackAt)} />
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

      <RepliesSection id={message.id} replies={message.replies} action={replyToMessageAction} />

      <h2>Actions</h2>
      <div className="actions">
        <ActionButton action={setMessageHandledAction} fields={{ id: message.id, handled: message.handledAt ? "no" : "yes" }} className="button">
          {message.handledAt ? "Mark as not handled" : "Mark as handled"}
        </ActionButton>
        <ActionButton action={setMessageArchivedAction} fields={{ id: message.id, archived: message.archivedAt ? "no" : "yes" }}>
          {message.archivedAt ? "Move back to the inbox" : "Archive"}
        </ActionButton>
        <ActionButton action={deleteMessageAction} fields={{ id: message.id }} className="button button-danger">
          Delete permanently
        </ActionButton>
      </div>
    </>
  );
}
