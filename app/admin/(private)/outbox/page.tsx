import type { Metadata } from "next";
import { connection } from "next/server";
import { When } from "@/components/admin/when";
import { listOutbox } from "@/lib/email/outbox-admin";
import { cancelEmailAction, retryEmailAction } from "./actions";

export const metadata: Metadata = { title: "Outbox" };

const statusLabels = { pending: "Waiting to send", sending: "Sending", sent: "Sent", failed: "Failed", cancelled: "Cancelled" } as const;

export default async function OutboxPage() {
  await connection();
  const emails = await listOutbox();
  return (
    <>
      <h1>Outbox</h1>
      <p>Every email the website sent or tried to send, newest first. Their contents are not shown here.</p>
      {emails.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Emails, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">To</th>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} data-status={email.status}>
                  <td>
                    <When at={email.createdAt} />
                  </td>
                  <td>{email.recipient}</td>
                  <td>
                    {email.subject}
                    <br />
                    <span className="muted">{email.template}</span>
                  </td>
                  <td>
                    {statusLabels[email.status]}
                    {email.sentAt ? (
                      <>
                        <br />
                        <When at={email.sentAt} />
                      </>
                    ) : null}
                  </td>
                  <td>{email.attempts}</td>
                  <td>{email.lastError ?? "—"}</td>
                  <td>
                    {email.status === "failed" ? (
                      <form action={retryEmailAction}>
                        <input type="hidden" name="id" value={email.id} />
                        <button type="submit" className="button button-secondary">
                          Send again
                        </button>
                      </form>
                    ) : null}
                    {email.status === "pending" ? (
                      <form action={cancelEmailAction}>
                        <input type="hidden" name="id" value={email.id} />
                        <button type="submit" className="button button-secondary">
                          Cancel
                        </button>
                      </form>
                    ) : null}
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
