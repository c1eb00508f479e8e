import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { MessageList } from "@/components/admin/message-list";
import { listMessages } from "@/lib/admin/messages";

export const metadata: Metadata = { title: "Messages" };

export default async function MessagesPage() {
  await connection();
  const messages = await listMessages("inbox");
  return (
    <>
      <h1>Messages</h1>
      <p>
        Newest first. <Link href="/admin/messages/archived">Archived messages</Link>
      </p>
      {messages.length === 0 ? <p>The inbox is empty.</p> : <MessageList messages={messages} caption="Messages in the inbox, newest first" />}
    </>
  );
}
