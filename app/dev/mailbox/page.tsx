import Link from "next/link";
import { connection } from "next/server";
import { listMailbox } from "@/lib/email/mailbox";
import { listNewsletterCopies } from "@/lib/newsletter/dev-copies";

export default async function MailboxPage() {
  await connection();
  // Newsletter issues go out in batches, not through the outbox: their copies are listed beside it.
  const emails = [...(await listMailbox()), ...(await listNewsletterCopies())].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, 100);
  return (
    <>
      <h1>Development mailbox</h1>
      <p>
        Without a <code>RESEND_API_KEY</code>, emails land here instead of being sent. This page does not exist in
        production.
      </p>
      {emails.length === 0 ? (
        <p>No emails yet. Send a message from the <Link href="/contact">contact page</Link>.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Emails, newest first</caption>
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                <th scope="col">Queued</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id}>
                  <td>{email.recipient}</td>
                  <td>
                    <Link href={`/dev/mailbox/${email.id}`}>{email.subject}</Link>
                  </td>
                  <td>{email.status}</td>
                  <td>
                    <time dateTime={email.createdAt.toISOString()}>{email.createdAt.toLocaleString("en-US", { timeZone: "UTC" })} UTC</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
