import { subscribersCsv } from "@/lib/admin/newsletter";

/** Every subscriber as a CSV download; the guard and the audit entry are in lib/admin/newsletter. */
export async function GET() {
  const csv = await subscribersCsv();
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="subscribers-${day}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
