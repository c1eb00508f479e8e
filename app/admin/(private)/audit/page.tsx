import type { Metadata } from "next";
import { connection } from "next/server";
import { RecordTable } from "@/components/admin/record-table";
import { When } from "@/components/admin/when";
import { listAuditEvents } from "@/lib/audit/audit-log";

export const metadata: Metadata = { title: "Audit log" };

const actionLabels: Record<string, string> = {
  "sign-in": "Signed in",
  "sign-out": "Signed out",
  read: "Opened",
  change: "Changed",
  delete: "Deleted",
  export: "Exported",
  erase: "Erased a person",
  "retention-purge": "Retention purge",
  "retry-email": "Sent an email again",
  "cancel-email": "Cancelled an email",
  "send-test-issue": "Sent a test newsletter",
  broadcast: "Sent a newsletter",
  "passkey-registered": "Added a passkey",
  "passkey-removed": "Removed a passkey",
  "passkey-used": "Signed in with a passkey",
  "recovery-code-used": "Signed in with a recovery code",
  "recovery-codes-replaced": "Made new recovery codes",
  "passkeys-reset": "Passkeys removed by the server's script",
};

function describeDetail(detail: Record<string, string | number | boolean> | null) {
  if (!detail) return "—";
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

export default async function AuditPage() {
  await connection();
  const events = await listAuditEvents();
  return (
    <>
      <h1>Audit log</h1>
      <p>Everything done in the private area, newest first: who, what, when and which record. Never what anyone wrote.</p>
      {events.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <RecordTable caption="Audit log, newest first" columns={["When", "Who", "What", "Record", "Detail"]}>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <When at={event.occurredAt} />
              </td>
              <td>{event.actor ?? "The system"}</td>
              <td>{actionLabels[event.action] ?? event.action}</td>
              <td>{event.subjectType ? `${event.subjectType}${event.subjectId ? ` ${event.subjectId}` : ""}` : "—"}</td>
              <td>{describeDetail(event.detail)}</td>
            </tr>
          ))}
        </RecordTable>
      )}
    </>
  );
}
