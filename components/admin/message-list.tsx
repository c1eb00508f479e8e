import Link from "next/link";
import { When } from "./when";

type MessageSummary = { id: string; name: string; email: string; createdAt: Date; readAt: Date | null; handledAt: Date | null };

/** The inbox table. Names and addresses are rendered as text by React, whatever a visitor typed. */
export function MessageList({ messages, caption }: { messages: MessageSummary[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="message-list">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">From</th>
            <th scope="col">Received</th>
          </tr>
        </thead>
        <tbody>
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
              </td>
              <td>
                <When at={message.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
