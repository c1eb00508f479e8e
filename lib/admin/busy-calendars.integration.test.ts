import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { busyCalendars } from "@/db/schema";
import { addBusyCalendar } from "@/lib/booking/busy-calendars/busy-calendars";
import { resetEnvForTests } from "@/lib/env";
import { type CalendarServer, startCalendarServer, weeklyBusyCalendar } from "@/lib/testing/calendar-server";
import { restoreEnvAfterEach } from "@/lib/testing/env";
import { auditTrail, expectEveryCallRefused, intruders } from "@/lib/testing/private-area";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { eq } from "drizzle-orm";
import { bookings, outboxEmails } from "@/db/schema";
import { findFreeSlots } from "@/lib/booking/availability";
import { findSessionType } from "@/lib/booking/session-types";
import { intakeRequest, ip, requestConfirmedBooking, therapist } from "@/lib/testing/booking-fixtures";
import { addBusyCalendarFromForm, availabilityForEditor, decideBooking, refreshBusyCalendarFromForm, removeBusyCalendarFromForm } from "./booking";

// A client hour every day at 03:00 in the practice's zone, starting today, so whatever the clock it is inside the horizon.
const today = new Date().toLocaleDateString("en-CA", { timeZone: "America/Los_Angeles" });
const calendar = weeklyBusyCalendar({ uid: "daily@practice.example", firstStart: `${today}T03:00:00`, minutes: 50 }).replace("RRULE:FREQ=WEEKLY", "RRULE:FREQ=DAILY");

let server: CalendarServer;
beforeAll(async () => {
  server = await startCalendarServer();
  server.set("/private/abc123/basic.ics", { calendar });
});
afterAll(async () => server.close());
restoreEnvAfterEach("CALENDAR_FEEDS_ALLOW_PRIVATE");
beforeEach(() => {
  process.env.CALENDAR_FEEDS_ALLOW_PRIVATE = "1";
  resetEnvForTests();
});

describe("the availability room's calendars", () => {
  it("adds a calendar, reads it, lists it by host only, refreshes and removes it, recording each change without the address", async () => {
    await signInAs(THERAPIST);
    const address = server.url("/private/abc123/basic.ics");
    expect(await addBusyCalendarFromForm({ name: "SimplePractice", address })).toMatchObject({ status: "saved", message: expect.stringMatching(/^Calendar added\. \d+ busy times read/) });
    const [listed] = (await availabilityForEditor()).calendars;
    expect(listed).toMatchObject({ name: "SimplePractice", errorMessage: null, busyTimes: expect.any(Number) });
    expect(listed!.busyTimes).toBeGreaterThan(50);
    expect(JSON.stringify(await availabilityForEditor())).not.toContain("abc123");

    server.set("/private/abc123/basic.ics", { status: 404 });
    expect(await refreshBusyCalendarFromForm({ id: listed!.id })).toMatchObject({ status: "saved", message: expect.stringMatching(/could not be read: The calendar address was not found/) });
    expect((await availabilityForEditor()).calendars[0]).toMatchObject({ busyTimes: listed!.busyTimes, errorMessage: expect.stringMatching(/not found/), failingSince: expect.any(Date) });
    server.set("/private/abc123/basic.ics", { calendar });

    expect(await removeBusyCalendarFromForm({ id: listed!.id })).toMatchObject({ status: "saved" });
    expect(await removeBusyCalendarFromForm({ id: listed!.id })).toMatchObject({ status: "invalid", formError: "That calendar was already removed." });
    expect((await availabilityForEditor()).calendars).toEqual([]);
    const trail = await auditTrail();
    expect(trail.map((entry) => entry.detail)).toEqual([{ calendarAdded: true }, { calendarRefreshed: true }, { calendarRemoved: true }]);
    expect(JSON.stringify(trail)).not.toContain("abc123");
  });

  it.each([
    [{ name: "Mine", address: "ftp://calendar.example/a.ics" }, "address"],
    [{ name: "", address: "https://calendar.example/a.ics" }, "name"],
    [{ name: "Mine", address: "https://calendar.example/a.ics", extra: "x" }, undefined],
  ])("refuses %j, writing nothing", async (input, field) => {
    await signInAs(THERAPIST);
    const before = await databaseSnapshot();
    const result = await addBusyCalendarFromForm(input);
    expect(result).toMatchObject({ status: "invalid" });
    if (field) expect(result).toMatchObject({ fieldErrors: { [field]: [expect.any(String)] } });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("warns before confirming a request whose time a calendar now shows busy, and confirms on the second step", async () => {
    const [slot] = await findFreeSlots(findSessionType("intake")!);
    const result = await requestConfirmedBooking(intakeRequest({ startsAt: slot!.startsAt.toISOString() }), { ip: ip() });
    expect(result.status).toBe("requested");
    const db = await getDb();
    const [{ id }] = (await db.select({ id: bookings.id }).from(bookings)) as [{ id: string }];
    const utc = (date: Date) => date.toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z";
    // Her own calendar gains an event ending two minutes into the request's buffer before: it overlaps.
    const busyEnd = new Date(slot!.startsAt.getTime() - 3 * 60_000);
    server.set("/overlap.ics", {
      calendar: ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:overlap@x", "DTSTAMP:20260101T000000Z", `DTSTART:${utc(new Date(busyEnd.getTime() - 3_600_000))}`, `DTEND:${utc(busyEnd)}`, "END:VEVENT", "END:VCALENDAR", ""].join("\r\n"),
    });
    await addBusyCalendar(therapist, { name: "Google", address: server.url("/overlap.ics") });
    await signInAs(THERAPIST);
    const emailsBefore = (await db.select().from(outboxEmails)).length;

    expect(await decideBooking({ id, decision: "confirm" })).toMatchObject({ status: "invalid", fieldErrors: { anyway: [expect.stringMatching(/overlaps a busy time/)] } });
    expect((await db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, id)))[0]!.status).toBe("requested");
    expect(await db.select().from(outboxEmails)).toHaveLength(emailsBefore);

    expect(await decideBooking({ id, decision: "confirm", anyway: "yes" })).toMatchObject({ status: "saved", saved: { status: "confirmed" } });
  });

  for (const [who, becomeIntruder] of intruders) {
    it(`is refused for ${who}, fetching and writing nothing`, async () => {
      await addBusyCalendar(therapist, { name: "Mine", address: server.url("/private/abc123/basic.ics") });
      const [{ id }] = (await (await getDb()).select({ id: busyCalendars.id }).from(busyCalendars)) as [{ id: string }];
      const requestsBefore = server.requests.length;
      await becomeIntruder();
      await expectEveryCallRefused({
        add: () => addBusyCalendarFromForm({ name: "Probe", address: "https://calendar.example/a.ics" }),
        refresh: () => refreshBusyCalendarFromForm({ id }),
        remove: () => removeBusyCalendarFromForm({ id }),
      });
      expect(server.requests.length).toBe(requestsBefore);
    });
  }
});
