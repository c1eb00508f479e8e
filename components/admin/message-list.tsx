import Link from "next/link";
import { HeldBackMark } from "./held-back-mark";
import { RecordTable } from "./record-table";
import { When } from "./when";

type MessageSummary = {
  id: string;
  name: string;
  email: string;
  firstLine: string;
  createdAt: Date;
  readAt: Date | null;
  handledAt: Date | null;
  emailHeldBackAt: Date | null;
};

/** The inbox table. Names and addresses are rendered as text by React, whatever a visitor typed. */
export function MessageList({ messages, caption }: { messages: MessageSummary[]; caption: string }) {
  return (
    <RecordTable caption={caption} columns={["Status", "From", "Received"]} className="message-list">
      {messages.map((message) => (
        <tr key={message.id} className={message.readAt ? undefined : "unread"}>
          <td>{message.handledAt ? "Handled" : message.readAt ? "Read" : <strong>New</strong>}</td>
          <td>
            {/* Not prefetched: rendering a message marks it read and records the read. */}
            <Link href={`/admin/messages/${message.id}`} prefetch={false}>
              {message.name}
            </Link>
            <br />
            <span className="muted">{message.email}</span>
            <br />
            {message.emailHeldBackAt ? (
              <>
                <HeldBackMark />
                <br />
              </>
            ) : null}
            <span className="message-first-line">{message.firstLine}</span>
          </td>
          <td>
            <When at={message.createdAt} />
          </td>
        </tr>
      ))}
    </RecordTable>
  );
}
