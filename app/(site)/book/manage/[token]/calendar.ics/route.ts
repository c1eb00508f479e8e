import { managedBookingCalendar } from "@/lib/booking/manage-booking";

/** "Add to calendar": the booking as an .ics file, behind the same private link as its page. */
export async function GET(_request: Request, { params }: RouteContext<"/book/manage/[token]/calendar.ics">) {
  const { token } = await params;
  const ics = await managedBookingCalendar(token);
  if (!ics) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="appointment.ics"',
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
