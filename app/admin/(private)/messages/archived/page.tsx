import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { MessageList } from "@/components/admin/message-list";
import { listMessages } from "@/lib/admin/messages";

export const metadata: Metadata = { title: "Archived messages" };

export default async function ArchivedMessagesPage() {
  await connection();
  const messages = await listMessages("archived");
  return (
    <>
      <h1>Archived messages</h1>
      <p>
        <Link href="/admin/messages">← Back to the inbox</Link>
      </p>
      {messages.length === 0 ? <p>No archived messages.</p> : <MessageList messages={messages} caption="Archived messages, newest first" />}
    </>
  );
}
