import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { busyCalendars, busyTimes } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { runSweep } from "@/lib/maintenance/sweep";
import { randomUUID } from "node:crypto";
import { NOW, at, intakeRequest, ip, rowCounts, therapist } from "@/lib/testing/booking-fixtures";
import { type CalendarServer, minutelyCalendar, startCalendarServer, weeklyBusyCalendar } from "@/lib/testing/calendar-server";
import { restoreEnvAfterEach } from "@/lib/testing/env";
import { findFreeSlots } from "../availability";
import { requestBooking } from "../request-booking";
import { findSessionType } from "../session-types";
import { addBusyCalendar, listBusyCalendars, refreshBusyCalendarNow, refreshDueBusyCalendars, removeBusyCalendar } from "./busy-calendars";
import { WHAT_TO_PASTE } from "./calendar-fields";
import { fetchFeed, isPrivateAddress } from "./fetch-feed";

const intake = findSessionType("intake")!;
// Wednesdays 12:00–12:58 from 3 March, except 10 March: with the intake's five minutes before, 13:00 is held too.
const clientHour = weeklyBusyCalendar({ uid: "client-1@practice.example", firstStart: "2027-03-03T12:00:00", minutes: 58, exdates: ["2027-03-10"] });
const free = async () => (await findFreeSlots(intake, { now: NOW })).map((slot) => slot.startsAt.getTime());

let server: CalendarServer;
beforeAll(async () => {
  server = await startCalendarServer();
});
afterAll(async () => server.close());

restoreEnvAfterEach("CALENDAR_FEEDS_ALLOW_PRIVATE");
beforeEach(() => {
  process.env.CALENDAR_FEEDS_ALLOW_PRIVATE = "1";
  resetEnvForTests();
  server.requests.length = 0;
});

async function stored() {
  const db = await getDb();
  return { calendars: await db.select().from(busyCalendars), times: await db.select().from(busyTimes) };
}

describe("busy times from the therapist's own calendars", () => {
  it("holds a free all-day event's day only on the calendar where she chose that all-day events block the day", async () => {
    const dayOff = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "BEGIN:VEVENT",
      "UID:day-off@google.example",
      "DTSTAMP:20260101T000000Z",
      "DTSTART;VALUE=DATE:20270303",
      "DTEND;VALUE=DATE:20270304",
      "TRANSP:TRANSPARENT",
      "SUMMARY:Day off",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    server.set("/day-off.ics", { calendar: dayOff });
    const noon = at("2027-03-03", "12:00").getTime();
    expect(await free()).toContain(noon);
    expect(await addBusyCalendar(therapist, { name: "Google", address: server.url("/day-off.ics") }, { now: NOW })).toMatchObject({ refreshed: { busyTimes: 0 } });
    expect(await free()).toContain(noon);
    const [plain] = await listBusyCalendars(therapist);
    expect(plain!.allDayBusy).toBe(false);
    await removeBusyCalendar(therapist, plain!.id);

    expect(await addBusyCalendar(therapist, { name: "Google", address: server.url("/day-off.ics"), allDayBusy: "yes" }, { now: NOW })).toMatchObject({ refreshed: { busyTimes: 1 } });
    expect(await free()).not.toContain(noon);
    const [blocking] = await listBusyCalendars(therapist);
    expect(blocking!.allDayBusy).toBe(true);
    // The sweep's reads keep her choice.
    await refreshBusyCalendarNow(therapist, blocking!.id, { now: NOW });
    expect(await free()).not.toContain(noon);
  });

  for (const [what, route, reason] of [
    ["Google's web link (a page, not a calendar)", { calendar: "<!doctype html><title>Google Calendar</title>", contentType: "text/html" }, /did not answer with an iCalendar file/],
    ["an address that was reset", { status: 404 }, /not found/],
    ["a refusal", { status: 403 }, /refused/],
  ] as const) {
    it(`refuses ${what} beside the address, says what to paste for Google, Apple and SimplePractice, and stores nothing`, async () => {
      server.set("/unreadable.ics", route);
      const before = await stored();
      const result = await addBusyCalendar(therapist, { name: "Google", address: server.url("/unreadable.ics") }, { now: NOW });
      expect(result).toMatchObject({ status: "refused", reason: "invalid", fieldErrors: { address: [expect.stringMatching(reason), WHAT_TO_PASTE] } });
      expect(WHAT_TO_PASTE).toMatch(/Google Calendar: .*Secret address in iCal format.*Apple .*SimplePractice: /);
      expect(JSON.stringify(result)).not.toContain("unreadable");
      expect(await stored()).toEqual(before);
    });
  }

  it("reads ten MINUTELY events within one budget, keeps her weekly hour, says what was left out, and the database answers others meanwhile", async () => {
    server.set("/minutely.ics", { calendar: minutelyCalendar({ uid: "flood", count: 10, weekly: { firstStart: "2027-03-03T12:00:00", minutes: 58 } }) });
    const db = await getDb();
    let reading = true;
    const answered: number[] = [];
    // Others' requests while the feed is read: each is answered in a few milliseconds, not after the whole feed.
    const others = (async () => {
      while (reading) {
        const started = performance.now();
        await db.select().from(busyCalendars);
        answered.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const started = performance.now();
    const result = await addBusyCalendar(therapist, { name: "Invited", address: server.url("/minutely.ics") }, { now: NOW });
    reading = false;
    await others;
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result).toMatchObject({ status: "done", refreshed: { status: "read", leftOut: expect.stringMatching(/^10 repeating events could not be read in full.*every hour or more often/) } });
    // Read all at once, the feed would let no query through while it is read (the clock is left out: the machine may be busy).
    expect(answered.length).toBeGreaterThan(10);
    const [listed] = await listBusyCalendars(therapist);
    expect(listed!.leftOut).toMatch(/^10 repeating events/);
    expect(await free()).not.toContain(at("2027-03-03", "12:00").getTime());

    // A copy that reads in full clears the note.
    server.set("/minutely.ics", { calendar: clientHour });
    expect(await refreshBusyCalendarNow(therapist, listed!.id, { now: NOW })).toMatchObject({ refreshed: { status: "read", leftOut: null } });
    expect((await listBusyCalendars(therapist))[0]!.leftOut).toBeNull();
  });

  it("reads a calendar when added: its weekly client hour, buffers included, leaves /book, and its EXDATE week stays open", async () => {
    const before = await free();
    expect(before).toEqual(expect.arrayContaining([at("2027-03-03", "12:00"), at("2027-03-03", "13:00"), at("2027-03-10", "12:00")].map((d) => d.getTime())));
    server.set("/secret-token-abc/basic.ics", { calendar: clientHour, etag: '"v1"' });

    const result = await addBusyCalendar(therapist, { name: "SimplePractice", address: server.url("/secret-token-abc/basic.ics") }, { now: NOW });
    expect(result).toEqual({ status: "done", refreshed: { status: "read", busyTimes: expect.any(Number), leftOut: null } });

    const after = await free();
    for (const taken of [at("2027-03-03", "12:00"), at("2027-03-03", "12:30"), at("2027-03-03", "13:00"), at("2027-03-17", "12:00")]) {
      expect(after).not.toContain(taken.getTime());
    }
    expect(after).toContain(at("2027-03-03", "13:30").getTime());
    expect(after).toContain(at("2027-03-10", "12:00").getTime());

    // Only times are stored, and the room shows the host but never the secret path.
    const { times } = await stored();
    expect(Object.keys(times[0]!).sort()).toEqual(["calendarId", "endsAt", "id", "startsAt"]);
    const [listed] = await listBusyCalendars(therapist);
    expect(listed).toMatchObject({ name: "SimplePractice", shownAddress: expect.stringMatching(/^127\.0\.0\.1:\d+\/…$/), errorMessage: null });
    expect(JSON.stringify(listed)).not.toContain("secret-token-abc");
  });

  it("refuses a request for a busy time, and a reschedule (the manage page) is offered no busy time either", async () => {
    server.set("/refuse.ics", { calendar: clientHour });
    await addBusyCalendar(therapist, { name: "SimplePractice", address: server.url("/refuse.ics") }, { now: NOW });
    const before = await rowCounts();
    const refused = await requestBooking(intakeRequest({ startsAt: at("2027-03-03", "12:00").toISOString() }), { ip: ip(), now: NOW });
    expect(refused.status).toBe("invalid");
    expect(await rowCounts()).toEqual(before);
    const moving = (await findFreeSlots(intake, { now: NOW, except: randomUUID() })).map((slot) => slot.startsAt.getTime());
    expect(moving).not.toContain(at("2027-03-03", "12:00").getTime());
    expect(moving).toContain(at("2027-03-10", "12:00").getTime());
  });

  it("asks again with the ETag, and an unchanged calendar keeps its busy times", async () => {
    server.set("/etag.ics", { calendar: clientHour, etag: '"v1"' });
    const added = await addBusyCalendar(therapist, { name: "Google", address: server.url("/etag.ics") }, { now: NOW });
    const [calendar] = (await stored()).calendars;
    expect(await refreshBusyCalendarNow(therapist, calendar!.id, { now: new Date(NOW.getTime() + 60_000) })).toEqual({ status: "done", refreshed: { status: "unchanged" } });
    expect(server.requests.map((request) => request.ifNoneMatch)).toEqual([undefined, '"v1"']);
    expect((await stored()).times).toHaveLength(added.status === "done" && added.refreshed?.status === "read" ? added.refreshed.busyTimes : -1);
  });

  it("keeps 'checked' and 'changed' apart: an unchanged answer (304) or the same copy again is checked, not changed; a new busy time is both", async () => {
    server.set("/times.ics", { calendar: clientHour, etag: '"v1"' });
    await addBusyCalendar(therapist, { name: "Google", address: server.url("/times.ics") }, { now: NOW });
    expect((await listBusyCalendars(therapist))[0]).toMatchObject({ answeredAt: NOW, changedAt: NOW });
    const id = (await listBusyCalendars(therapist))[0]!.id;
    const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

    expect(await refreshBusyCalendarNow(therapist, id, { now: minutes(5) })).toMatchObject({ refreshed: { status: "unchanged" } });
    expect((await listBusyCalendars(therapist))[0]).toMatchObject({ answeredAt: minutes(5), changedAt: NOW, readAt: NOW });

    // The same events sent again in full (a calendar without ETags, or a new ETag for nothing).
    server.set("/times.ics", { calendar: clientHour, etag: '"v2"' });
    expect(await refreshBusyCalendarNow(therapist, id, { now: minutes(10) })).toMatchObject({ refreshed: { status: "read" } });
    expect((await listBusyCalendars(therapist))[0]).toMatchObject({ answeredAt: minutes(10), changedAt: NOW });

    server.set("/times.ics", { calendar: weeklyBusyCalendar({ uid: "client-1@practice.example", firstStart: "2027-03-03T12:00:00", minutes: 58 }), etag: '"v3"' });
    await refreshBusyCalendarNow(therapist, id, { now: minutes(15) });
    expect((await listBusyCalendars(therapist))[0]).toMatchObject({ answeredAt: minutes(15), changedAt: minutes(15) });

    // A failure is not an answer: neither moves.
    server.set("/times.ics", { status: 500 });
    await refreshBusyCalendarNow(therapist, id, { now: minutes(20) });
    expect((await listBusyCalendars(therapist))[0]).toMatchObject({ answeredAt: minutes(15), changedAt: minutes(15) });
  });

  it.each([
    ["a 404", { status: 404 }, /not found/],
    ["a page that is not a calendar", { calendar: "<html>Sign in</html>", contentType: "text/html" }, /iCalendar/],
    ["a server error", { status: 500 }, /HTTP 500/],
  ] as const)("keeps the last good busy times when the calendar answers %s, and says so with its age", async (_, failure, message) => {
    server.set("/flaky.ics", { calendar: clientHour });
    await addBusyCalendar(therapist, { name: "Apple", address: server.url("/flaky.ics") }, { now: NOW });
    const good = (await stored()).times.length;
    const withBusy = await free();

    server.set("/flaky.ics", failure);
    const [calendar] = (await stored()).calendars;
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const result = await refreshBusyCalendarNow(therapist, calendar!.id, { now: later });
    expect(result).toEqual({ status: "done", refreshed: { status: "failed", message: expect.stringMatching(message) } });
    expect((await stored()).times).toHaveLength(good);
    expect(await free()).toEqual(withBusy);
    const [listed] = await listBusyCalendars(therapist);
    expect(listed).toMatchObject({ errorMessage: expect.stringMatching(message), failingSince: later, readAt: NOW });

    // Failing again keeps the first failure's time; a good read clears it.
    await refreshBusyCalendarNow(therapist, calendar!.id, { now: new Date(later.getTime() + 60_000) });
    expect((await listBusyCalendars(therapist))[0]!.failingSince).toEqual(later);
    server.set("/flaky.ics", { calendar: clientHour });
    await refreshBusyCalendarNow(therapist, calendar!.id, { now: new Date(later.getTime() + 120_000) });
    expect((await listBusyCalendars(therapist))[0]).toMatchObject({ errorMessage: null, failingSince: null });
  });

  it("is read again by the sweep every five minutes, not more often", async () => {
    server.set("/sweep.ics", { calendar: clientHour });
    await addBusyCalendar(therapist, { name: "Jane App", address: server.url("/sweep.ics") }, { now: NOW });
    expect(await refreshDueBusyCalendars(new Date(NOW.getTime() + 60_000))).toEqual({ read: 0, unchanged: 0, failed: 0 });
    const sweep = await runSweep(new Date(NOW.getTime() + 6 * 60_000));
    expect(sweep.calendars).toEqual({ read: 1, unchanged: 0, failed: 0, noticeQueued: false });
    expect(server.requests).toHaveLength(2);
  });

  it("removes a calendar with its busy times, and the hour is offered again", async () => {
    server.set("/gone.ics", { calendar: clientHour });
    await addBusyCalendar(therapist, { name: "Old", address: server.url("/gone.ics") }, { now: NOW });
    const [calendar] = (await stored()).calendars;
    expect(await removeBusyCalendar(therapist, calendar!.id)).toEqual({ status: "done" });
    expect(await stored()).toEqual({ calendars: [], times: [] });
    expect(await free()).toContain(at("2027-03-03", "12:00").getTime());
    expect(await removeBusyCalendar(therapist, calendar!.id)).toMatchObject({ status: "refused", reason: "not-found" });
    expect(await refreshBusyCalendarNow(therapist, "not-an-id")).toMatchObject({ status: "refused", reason: "not-found" });
  });

  it.each([
    [{ name: "", address: "https://calendar.example/a.ics" }, "name"],
    [{ name: "Mine", address: "ftp://calendar.example/a.ics" }, "address"],
    [{ name: "Mine", address: "https://user:pw@calendar.example/a.ics" }, "address"],
    [{ name: "Mine", address: "not a url" }, "address"],
  ])("refuses %j and stores nothing", async (input, field) => {
    const result = await addBusyCalendar(therapist, input, { now: NOW });
    expect(result).toMatchObject({ status: "refused", reason: "invalid", fieldErrors: { [field]: [expect.any(String)] } });
    expect(await stored()).toEqual({ calendars: [], times: [] });
  });
});

describe("fetching a calendar address", () => {
  const limits = { timeoutMs: 2_000, maxBytes: 100_000, maxRedirects: 3, allowPrivate: true };

  it("refuses loopback and private addresses unless configured, by name or by number, and never sends the address unencrypted", async () => {
    process.env.CALENDAR_FEEDS_ALLOW_PRIVATE = "0";
    resetEnvForTests();
    server.set("/private.ics", { calendar: clientHour });
    const result = await addBusyCalendar(therapist, { name: "Probe", address: server.url("/private.ics") }, { now: NOW });
    expect(result).toMatchObject({ status: "refused", reason: "invalid", fieldErrors: { address: [expect.stringMatching(/never sent unencrypted/)] } });
    expect(await addBusyCalendar(therapist, { name: "Probe", address: "webcal://127.0.0.1:9/private.ics" }, { now: NOW })).toMatchObject({
      status: "refused",
      fieldErrors: { address: [expect.stringMatching(/private network/), WHAT_TO_PASTE] },
    });
    expect((await stored()).calendars).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
    const closed = { ...limits, allowPrivate: false };
    await expect(fetchFeed("http://calendar.example/private.ics", {}, closed)).rejects.toThrow(/unencrypted/);
    for (const address of ["https://localhost:1/a.ics", "https://[::1]:1/a.ics", "https://[::ffff:127.0.0.1]:1/a.ics", "webcal://10.0.0.1/a.ics", "webcal://169.254.169.254/latest"]) {
      await expect(fetchFeed(address, {}, closed)).rejects.toThrow(/private network/);
    }
    // Even where private networks are allowed (the tests), the link-local metadata service is not.
    for (const address of ["http://169.254.169.254/latest", "http://[fe80::1]/a.ics", "http://[::ffff:169.254.169.254]/a.ics"]) {
      await expect(fetchFeed(address, {}, limits)).rejects.toThrow(/private network/);
    }
  });

  it("knows private, loopback, link-local and IPv4-mapped addresses from public ones", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["8.8.8.8", "142.250.72.14", "2606:4700:4700::1111", "2a00:1450:4009:81d::200e"]) expect(isPrivateAddress(address), address).toBe(false);
  });

  it("checks the address again after a redirect: the first host is allowed, the metadata service it redirects to is not", async () => {
    server.set("/to-metadata.ics", { redirect: "http://169.254.169.254/latest/meta-data" });
    await expect(fetchFeed(server.url("/to-metadata.ics"), {}, limits)).rejects.toThrow(/private network/);
    expect(server.requests.map((request) => request.path)).toEqual(["/to-metadata.ics"]);
  });

  it("follows three redirects and no more", async () => {
    server.set("/end.ics", { calendar: clientHour });
    server.set("/r1", { redirect: "/end.ics" });
    server.set("/r2", { redirect: "/r1" });
    server.set("/r3", { redirect: "/r2" });
    server.set("/r4", { redirect: "/r3" });
    await expect(fetchFeed(server.url("/r3"), {}, limits)).resolves.toMatchObject({ status: "ok" });
    await expect(fetchFeed(server.url("/r4"), {}, limits)).rejects.toThrow(/redirects too many times/);
  });

  it("gives up on a slow calendar and on one over the size cap", async () => {
    server.set("/slow.ics", { calendar: clientHour, delayMs: 1_000 });
    await expect(fetchFeed(server.url("/slow.ics"), {}, { ...limits, timeoutMs: 200 })).rejects.toThrow(/too long/);
    server.set("/huge.ics", { calendar: clientHour + "X".repeat(200_000) });
    await expect(fetchFeed(server.url("/huge.ics"), {}, limits)).rejects.toThrow(/larger than/);
  });

  it("never quotes the address in what it reports", async () => {
    await expect(fetchFeed("https://no-such-host.invalid/secret-token-xyz.ics", {}, limits)).rejects.toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("secret-token-xyz") }),
    );
  });
});
