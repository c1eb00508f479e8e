import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { busyCalendars, busyTimes } from "@/db/schema";
import { NOW, at, intakeRequest, ip, requestConfirmedBooking, therapist } from "@/lib/testing/booking-fixtures";
import { expectEveryCallRefused, intruders } from "@/lib/testing/private-area";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { openBooking, weekForOverview } from "@/lib/admin/booking";
import { addTimeOff, saveDayOverride } from "./availability-editor";
import { confirmBooking, declineBooking } from "./decisions";
import { requestBooking } from "./request-booking";
import { dayAtAGlance, weekAtAGlance } from "./week";

// NOW is Monday 1 March 2027, 8:00 in Portland: this week is 1–7 March, the next 8–14.

async function book(day: string, clock: string, name: string) {
  const result = await requestConfirmedBooking(intakeRequest({ startsAt: at(day, clock).toISOString(), name }), { ip: ip(), now: NOW });
  if (result.status !== "requested") throw new Error(`booking refused: ${JSON.stringify(result)}`);
  return result.bookingId;
}

async function busyCalendar(name: string, times: [Date, Date][]) {
  const db = await getDb();
  const [calendar] = await db.insert(busyCalendars).values({ name, address: "https://calendar.example/secret.ics" }).returning();
  await db.insert(busyTimes).values(times.map(([startsAt, endsAt]) => ({ calendarId: calendar!.id, startsAt, endsAt })));
  return calendar!.id;
}

const entriesOf = (days: Awaited<ReturnType<typeof weekAtAGlance>>["weeks"][number], day: string) => days.find((d) => d.day === day)!.entries;

describe("her week at a glance", () => {
  it("draws this week and the next, Monday to Sunday: hours, sessions, requests, holds, time off and busy times, each with its record", async () => {
    const requested = await book("2027-03-03", "12:00", "Robin Request");
    const confirmed = await book("2027-03-04", "10:00", "Casey Confirmed");
    expect(await confirmBooking(therapist, confirmed, { now: NOW })).toMatchObject({ status: "done" });
    const declined = await book("2027-03-05", "10:00", "Dana Declined");
    await declineBooking(therapist, declined, {}, { now: NOW });
    await book("2027-03-17", "12:00", "Week Three");
    // Held on /book, the code not yet typed: it keeps the time from /book, but its name is not hers to read yet.
    const held = await requestBooking(intakeRequest({ startsAt: at("2027-03-10", "12:00").toISOString(), name: "Unproven Name" }), { ip: ip(), now: NOW });
    expect(held.status).toBe("held");
    expect(await addTimeOff(therapist, { startsOn: "2027-03-11", endsOn: "2027-03-12" }, { now: NOW })).toMatchObject({ status: "done" });
    expect(await saveDayOverride(therapist, { day: "2027-03-09", ranges: [{ start: "10:00", end: "11:00" }] }, { now: NOW })).toMatchObject({ status: "done" });
    const calendarId = await busyCalendar("Google", [[at("2027-03-02", "22:00"), at("2027-03-03", "02:00")]]);

    const { weeks, timeZone } = await weekAtAGlance(therapist, { now: NOW });
    expect(timeZone).toBe("America/Los_Angeles");
    expect(weeks.map((days) => days.map((day) => day.day))).toEqual([
      ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05", "2027-03-06", "2027-03-07"],
      ["2027-03-08", "2027-03-09", "2027-03-10", "2027-03-11", "2027-03-12", "2027-03-13", "2027-03-14"],
    ]);
    const [thisWeek, nextWeek] = weeks as [typeof weeks[0], typeof weeks[0]];
    expect(thisWeek[0]).toMatchObject({ isToday: true, changedHours: false, timeOff: null });
    expect(thisWeek[0]!.hours.length).toBeGreaterThan(0);
    expect(thisWeek.slice(1).every((day) => !day.isToday)).toBe(true);

    // A busy time across midnight is drawn on both days, cut to each, named by its calendar only.
    const busyHref = `/admin/availability#calendar-${calendarId}`;
    expect(entriesOf(thisWeek, "2027-03-02")).toEqual([
      { kind: "busy", id: expect.any(String), startsAt: at("2027-03-02", "22:00"), endsAt: at("2027-03-03", "00:00"), calendarName: "Google", href: busyHref },
    ]);
    expect(entriesOf(thisWeek, "2027-03-03")).toEqual([
      expect.objectContaining({ kind: "busy", startsAt: at("2027-03-03", "00:00"), endsAt: at("2027-03-03", "02:00"), href: busyHref }),
      expect.objectContaining({ kind: "request", id: requested, name: "Robin Request", sessionName: "Intake session", href: `/admin/requests/${requested}` }),
    ]);
    expect(entriesOf(thisWeek, "2027-03-04")).toEqual([expect.objectContaining({ kind: "session", id: confirmed, status: "confirmed", href: `/admin/requests/${confirmed}` })]);
    // Declined bookings hold nothing and are not drawn; the third week is not read.
    expect(entriesOf(thisWeek, "2027-03-05")).toEqual([]);
    expect(JSON.stringify(weeks)).not.toContain("Week Three");

    const [hold] = entriesOf(nextWeek, "2027-03-10");
    expect(hold).toMatchObject({ kind: "hold", sessionName: "Intake session", holdExpiresAt: expect.any(Date) });
    expect(hold).not.toHaveProperty("href");
    expect(JSON.stringify(weeks)).not.toContain("Unproven Name");

    expect(nextWeek.find((day) => day.day === "2027-03-09")).toMatchObject({ changedHours: true, hours: [{ startMinute: 600, endMinute: 660 }] });
    for (const day of ["2027-03-11", "2027-03-12"]) {
      expect(nextWeek.find((d) => d.day === day)).toMatchObject({
        hours: [],
        timeOff: { startsOn: "2027-03-11", endsOn: "2027-03-12", href: expect.stringMatching(/^\/admin\/availability#time-off-[0-9a-f-]{36}$/) },
      });
    }

    // Once the hold lapses it no longer holds the time, and is gone from the week.
    const later = new Date(NOW.getTime() + 11 * 60_000);
    expect(entriesOf((await weekAtAGlance(therapist, { now: later })).weeks[1]!, "2027-03-10")).toEqual([]);
  });

  it("a request's page carries its day, with whatever else is on it", async () => {
    const first = await book("2027-03-03", "12:00", "Robin First");
    const second = await book("2027-03-03", "14:00", "Sam Second");
    expect((await dayAtAGlance(therapist, "2027-03-03", { now: NOW }))!.entries.map((entry) => entry.id)).toEqual([first, second]);
    expect(await dayAtAGlance(therapist, "not-a-day")).toBeNull();
    await signInAs(THERAPIST);
    const opened = await openBooking(second);
    expect(opened.day!.day).toBe("2027-03-03");
    expect(opened.day!.entries.map((entry) => entry.id)).toEqual([first, second]);
  });

  for (const [who, becomeIntruder] of intruders) {
    it(`is refused for ${who}`, async () => {
      await becomeIntruder();
      await expectEveryCallRefused({ week: () => weekForOverview() });
    });
  }
});
