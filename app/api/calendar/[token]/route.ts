import { calendarFeedIcs } from "@/lib/booking/calendar-feed";

/**
 * The therapist's private calendar feed, for a calendar app to subscribe to.
 * The unguessable token in the path is the only credential; a wrong or
 * revoked one is a plain 404.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/calendar/[token]">) {
  const { token } = await params;
  const ics = await calendarFeedIcs(token);
  if (!ics) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(ics, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" },
  });
}
