import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the calendar services (Google, Apple, a practice-
 * management system) that serves iCalendar feeds on loopback, for the
 * integration tests and the Playwright journey. Each path answers as set:
 * a calendar (with an ETag, answering 304 to a matching If-None-Match), a
 * status, a redirect, or a slow answer. Plain Node, no aliases, so
 * Playwright's config can start it too.
 */
export type FeedRoute =
  | { calendar: string; etag?: string; delayMs?: number; contentType?: string }
  | { status: number; body?: string }
  | { redirect: string };

export type CalendarServer = {
  url: (path: string) => string;
  set: (path: string, route: FeedRoute) => void;
  requests: { path: string; ifNoneMatch?: string }[];
  close: () => Promise<void>;
};

export async function startCalendarServer(port = 0): Promise<CalendarServer> {
  const routes = new Map<string, FeedRoute>();
  const requests: CalendarServer["requests"] = [];
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://calendar.test").pathname;
    const ifNoneMatch = request.headers["if-none-match"];
    requests.push({ path, ifNoneMatch: typeof ifNoneMatch === "string" ? ifNoneMatch : undefined });
    const route = routes.get(path);
    if (!route) return void response.writeHead(404).end("Not found");
    if ("redirect" in route) return void response.writeHead(302, { location: route.redirect }).end();
    if ("status" in route) return void response.writeHead(route.status, { "content-type": "text/plain" }).end(route.body ?? "");
    const send = () => {
      if (route.etag && ifNoneMatch === route.etag) return void response.writeHead(304, { etag: route.etag }).end();
      response.writeHead(200, { "content-type": route.contentType ?? "text/calendar; charset=utf-8", ...(route.etag ? { etag: route.etag } : {}) });
      response.end(route.calendar);
    };
    if (route.delayMs) setTimeout(send, route.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${bound}${path}`,
    set: (path, route) => void routes.set(path, route),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A calendar of one weekly event in the practice's zone (Los Angeles), as a practice-management system exports it. */
export function weeklyBusyCalendar({ uid, firstStart, minutes, exdates = [] }: { uid: string; firstStart: string; minutes: number; exdates?: string[] }): string {
  const stamp = (local: string) => local.replace(/[-:]/g, "").slice(0, 15);
  const start = stamp(firstStart);
  const endDate = new Date(Date.parse(`${firstStart}Z`) + minutes * 60_000).toISOString().slice(0, 19);
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Attune tests//Calendar server//EN",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    "DTSTAMP:20260101T000000Z",
    `DTSTART;TZID=America/Los_Angeles:${start}`,
    `DTEND;TZID=America/Los_Angeles:${stamp(endDate)}`,
    "RRULE:FREQ=WEEKLY",
    ...exdates.map((day) => `EXDATE;TZID=America/Los_Angeles:${stamp(`${day}T${firstStart.slice(11)}`)}`),
    "SUMMARY:Client session",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

/**
 * A calendar of `count` events that repeat every minute from `since` with no
 * end (198 bytes each, as an invitation can carry), and one weekly event
 * beside them: what issue 19 found could freeze the server.
 */
export function minutelyCalendar({ uid, count, since = "20200101T000000Z", weekly }: { uid: string; count: number; since?: string; weekly?: { firstStart: string; minutes: number } }): string {
  const events = Array.from({ length: count }, (_, i) => [
    "BEGIN:VEVENT",
    `UID:${uid}-minutely-${i}`,
    "DTSTAMP:20260101T000000Z",
    `DTSTART:${since}`,
    "DURATION:PT30M",
    "RRULE:FREQ=MINUTELY",
    "SUMMARY:Every minute",
    "END:VEVENT",
  ]);
  const weeklyEvent = weekly
    ? weeklyBusyCalendar({ uid: `${uid}-weekly`, ...weekly })
        .split("\r\n")
        .filter((line, index, lines) => index >= lines.indexOf("BEGIN:VEVENT") && index <= lines.indexOf("END:VEVENT"))
    : [];
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Attune tests//Calendar server//EN", ...events.flat(), ...weeklyEvent, "END:VCALENDAR", ""].join("\r\n");
}
