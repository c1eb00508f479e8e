import type { Metadata } from "next";
import { connection } from "next/server";
import { RecordTable } from "@/components/admin/record-table";
import { When } from "@/components/admin/when";
import { listAuditEvents } from "@/lib/admin/audit";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await connection();
  const events = await listAuditEvents();
  return (
    <>
      <h1>Audit log</h1>
      <p>Everything done in the private area, newest first: who, what, when and to whom. Never what anyone wrote.</p>
      {events.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <RecordTable caption="Audit log, newest first" columns={["When", "Who", "What", "Record", "Detail"]}>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <When at={event.occurredAt} />
              </td>
              <td>{event.who}</td>
              <td>{event.what}</td>
              <td>{event.record || "—"}</td>
              <td>{event.detailInWords || "—"}</td>
            </tr>
          ))}
        </RecordTable>
      )}
    </>
  );
}
