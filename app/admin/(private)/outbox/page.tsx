import type { Metadata } from "next";
import { connection } from "next/server";
import { ActionButton } from "@/components/admin/action-button";
import { RecordTable } from "@/components/admin/record-table";
import { When } from "@/components/admin/when";
import { listOutbox } from "@/lib/admin/outbox";
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
        <RecordTable caption="Emails, newest first" columns={["Queued", "To", "Email", "Status", "Attempts", "Last error", ""]}>
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
                  <ActionButton action={retryEmailAction} fields={{ id: email.id }}>
                    Send again
                  </ActionButton>
                ) : null}
                {email.status === "pending" ? (
                  <ActionButton action={cancelEmailAction} fields={{ id: email.id }}>
                    Cancel
                  </ActionButton>
                ) : null}
              </td>
            </tr>
          ))}
        </RecordTable>
      )}
    </>
  );
}
