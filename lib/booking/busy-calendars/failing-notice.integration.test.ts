import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { practice } from "@/lib/practice/practice";
import { NOW, therapist } from "@/lib/testing/booking-fixtures";
import { type CalendarServer, startCalendarServer, weeklyBusyCalendar } from "@/lib/testing/calendar-server";
import { restoreEnvAfterEach } from "@/lib/testing/env";
import { HOUR, MINUTE } from "@/lib/time";
import { addBusyCalendar, listBusyCalendars, refreshBusyCalendarNow } from "./busy-calendars";
import { calendarsFailingLong, noticeFailingCalendars } from "./failing-notice";

let server: CalendarServer;
beforeAll(async () => {
  server = await startCalendarServer();
});
afterAll(async () => server.close());
restoreEnvAfterEach("CALENDAR_FEEDS_ALLOW_PRIVATE");
beforeEach(() => {
  process.env.CALENDAR_FEEDS_ALLOW_PRIVATE = "1";
  resetEnvForTests();
});

const later = (ms: number) => new Date(NOW.getTime() + ms);
const notices = async () => (await getDb()).select().from(outboxEmails).where(eq(outboxEmails.template, "calendar-failing"));

async function failingCalendar(name: string, path: string, since: Date) {
  server.set(path, { calendar: weeklyBusyCalendar({ uid: `${name}@example`, firstStart: "2027-03-03T12:00:00", minutes: 50 }) });
  await addBusyCalendar(therapist, { name, address: server.url(path) }, { now: NOW });
  server.set(path, { status: 404 });
  const calendar = (await listBusyCalendars(therapist)).find((candidate) => candidate.name === name)!;
  await refreshBusyCalendarNow(therapist, calendar.id, { now: since });
  return calendar.id;
}

describe("a calendar that keeps failing", () => {
  it("is news after an hour: on the overview's list, and in one email a day at most, whichever calendar fails next", async () => {
    await failingCalendar("Google", "/google.ics", later(MINUTE));
    // Failing for less than an hour: nothing yet.
    expect(await calendarsFailingLong(later(30 * MINUTE))).toEqual([]);
    expect(await noticeFailingCalendars(later(30 * MINUTE))).toBe(false);

    expect(await calendarsFailingLong(later(HOUR + 2 * MINUTE))).toEqual([{ name: "Google", failingSince: later(MINUTE) }]);
    expect(await noticeFailingCalendars(later(HOUR + 2 * MINUTE))).toBe(true);
    const [email] = await notices();
    expect(email).toMatchObject({ recipient: practice.notificationEmail, props: { calendars: 1, availabilityUrl: expect.stringMatching(/\/admin\/availability$/) } });
    // Nothing of the calendar itself: not its name, not its address.
    expect(JSON.stringify(email)).not.toMatch(/Google|google\.ics/);

    // The sweep runs every few minutes: no second email that day, even for another calendar failing.
    expect(await noticeFailingCalendars(later(2 * HOUR))).toBe(false);
    await failingCalendar("SimplePractice", "/simple.ics", later(3 * HOUR));
    expect(await noticeFailingCalendars(later(5 * HOUR))).toBe(false);
    expect(await notices()).toHaveLength(1);

    // A day after the first: one more, counting both.
    expect(await noticeFailingCalendars(later(HOUR + 2 * MINUTE + 24 * HOUR))).toBe(true);
    expect((await notices()).map((row) => row.props.calendars)).toEqual([1, 2]);
  });

  it("sends nothing once the calendar reads again", async () => {
    const id = await failingCalendar("Apple", "/apple.ics", later(MINUTE));
    server.set("/apple.ics", { calendar: weeklyBusyCalendar({ uid: "apple@example", firstStart: "2027-03-03T12:00:00", minutes: 50 }) });
    await refreshBusyCalendarNow(therapist, id, { now: later(HOUR) });
    expect(await calendarsFailingLong(later(2 * HOUR))).toEqual([]);
    expect(await noticeFailingCalendars(later(2 * HOUR))).toBe(false);
    expect(await notices()).toEqual([]);
  });
});
