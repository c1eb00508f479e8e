import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { messagesNeedingAttention } from "@/lib/admin/messages";
import { outboxNeedingAttention } from "@/lib/email/outbox-admin";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await connection();
  // One after the other: when the guard refuses the first, the second never starts.
  const messages = await messagesNeedingAttention();
  const outbox = await outboxNeedingAttention();
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <>
      <h1>What needs attention</h1>
      <ul className="admin-cards">
        <li className="card">
          <h2>Messages</h2>
          <p>
            {messages.unread === 0 ? "No new messages." : <strong>{plural(messages.unread, "new message", "new messages")}</strong>}{" "}
            {messages.unhandled > 0 ? `${plural(messages.unhandled, "message", "messages")} not yet handled.` : null}
          </p>
          <p>
            <Link href="/admin/messages">Open the inbox</Link>
          </p>
        </li>
        <li className="card">
          <h2>Email delivery</h2>
          <p>
            {outbox.failed === 0 ? "Every email was delivered or is on its way." : <strong>{plural(outbox.failed, "email could not be delivered", "emails could not be delivered")}.</strong>}
          </p>
          <p>
            <Link href="/admin/outbox">Open the outbox</Link>
          </p>
        </li>
      </ul>
    </>
  );
}
