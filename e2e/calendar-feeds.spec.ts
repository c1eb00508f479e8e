import { DateTime } from "luxon";
import { type CalendarServer, minutelyCalendar, startCalendarServer, weeklyBusyCalendar } from "../lib/testing/calendar-server";
import { allEmails, expect, expectAccessible, readEmails, test, uniqueEmail } from "./fixtures";
import { NEEDS_DATABASE, directDatabase } from "./fixtures/database";
import { visitorBooks } from "./fixtures/book-visit";
import { pageFromAnotherAddress, signInAsTherapist, therapistFor } from "./fixtures/therapist";

/*
 * The therapist's own calendar keeps /book from offering her busy hours. A
 * local server plays Google or SimplePractice (the app server may fetch from
 * loopback: CALENDAR_FEEDS_ALLOW_PRIVATE in playwright.config.ts). Each run
 * uses a weekday of its own three weeks out, past the days other specs book,
 * and removes its calendar at the end, so no other journey loses a time.
 */
const ZONE = "America/Los_Angeles";

let server: CalendarServer;
test.beforeAll(async () => {
  server = await startCalendarServer();
});
test.afterAll(async () => server.close());

/** The first `weekday` (1 = Monday) at least three weeks ahead in the practice's calendar. */
function weeksOut(weekday: number) {
  let day = DateTime.now().setZone(ZONE).startOf("day").plus({ days: 21 });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day;
}

const at = (day: DateTime, hour: number) => day.set({ hour }).toUTC().toJSDate().toISOString();
const timeLink = (instant: string) => `a[href*="start=${encodeURIComponent(instant)}"]`;

for (const [javaScriptEnabled, weekday] of [
  [true, 4],
  [false, 2],
] as const) {
  test.describe(`the therapist's own calendar, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a weekly busy client hour vanishes from /book, except in its EXDATE week; a failing calendar keeps it; removing it brings it back", async ({ page, browser }, testInfo) => {
      test.setTimeout(90_000);
      const first = weeksOut(weekday);
      const skipped = first.plus({ weeks: 1 });
      const third = first.plus({ weeks: 2 });
      const secret = `private-${Date.now().toString(36)}-${javaScriptEnabled ? "js" : "nojs"}`;
      const path = `/calendar/${secret}/basic.ics`;
      server.set(path, {
        calendar: weeklyBusyCalendar({ uid: `${secret}@practice.example`, firstStart: `${first.toISODate()}T09:00:00`, minutes: 50, exdates: [skipped.toISODate()!] }),
        etag: '"1"',
      });
      const book = async (day: DateTime) => page.goto(`/book?where=OR&type=intake&tz=${ZONE}&day=${day.toISODate()}`);

      await book(first);
      await expect(page.locator(timeLink(at(first, 9)))).toHaveCount(1);

      const therapist = await pageFromAnotherAddress(browser, { javaScriptEnabled });
      await signInAsTherapist(therapist, therapistFor(testInfo));
      await therapist.goto("/admin/availability");
      const name = `Client calendar ${secret.slice(-8)}`;
      await therapist.getByLabel("Calendar name").fill(name);
      await therapist.getByLabel("Calendar address").fill(server.url(path));
      await therapist.getByRole("button", { name: "Add calendar" }).click();
      await expect(therapist.getByText(/Calendar added\. \d+ busy times read/)).toBeVisible();
      // Saved: the form is empty again, and the address shows by its host only.
      await expect(therapist.getByLabel("Calendar name")).toHaveValue("");
      await expect(therapist.getByLabel("Calendar address")).toHaveValue("");
      const listed = therapist.getByTestId("busy-calendar").filter({ hasText: name });
      await expect(listed).toContainText(/127\.0\.0\.1:\d+\/…/);
      await expect(therapist.locator("body")).not.toContainText(secret);
      if (javaScriptEnabled) await expectAccessible(therapist);

      // The busy hour and the half hour whose session would run into it are gone; 10:00 clears the buffer.
      await book(first);
      await expect(page.locator(timeLink(at(first, 10)))).toHaveCount(1);
      await expect(page.locator(timeLink(at(first, 9)))).toHaveCount(0);
      await book(skipped);
      await expect(page.locator(timeLink(at(skipped, 9)))).toHaveCount(1);
      await book(third);
      await expect(page.locator(timeLink(at(third, 10)))).toHaveCount(1);
      await expect(page.locator(timeLink(at(third, 9)))).toHaveCount(0);

      // "Refresh now" answers beside the calendar; an unchanged answer (304) is a check, not a change.
      await expect(listed).toContainText(/Checked .*; changed /);
      await listed.getByRole("button", { name: `Refresh ${name} now` }).click();
      await expect(therapist.getByTestId("busy-calendar").filter({ hasText: name }).getByTestId("busy-calendar-refreshed")).toHaveText(/Refreshed just now: nothing has changed\./);

      // The calendar starts failing: the room says so and since when, and its last busy times still count.
      server.set(path, { status: 404 });
      await listed.getByRole("button", { name: `Refresh ${name} now` }).click();
      await expect(therapist.getByTestId("busy-calendar").filter({ hasText: name }).getByTestId("busy-calendar-refreshed")).toContainText("could not be read");
      await expect(therapist.getByTestId("busy-calendar").filter({ hasText: name }).getByTestId("busy-calendar-error")).toContainText(/not found.*Failing since/);
      await book(first);
      await expect(page.locator(timeLink(at(first, 10)))).toHaveCount(1);
      await expect(page.locator(timeLink(at(first, 9)))).toHaveCount(0);

      await therapist.getByTestId("busy-calendar").filter({ hasText: name }).getByRole("button", { name: `Remove ${name}` }).click();
      await expect(therapist.getByTestId("busy-calendar").filter({ hasText: name })).toHaveCount(0);
      await book(first);
      await expect(page.locator(timeLink(at(first, 9)))).toHaveCount(1);
      await therapist.context().close();
    });

    test("confirming a request her calendar now shows busy warns first; Confirm anyway confirms it", async ({ page, browser }, testInfo) => {
      test.setTimeout(90_000);
      const name = `Olive Overlap ${Date.now().toString(36)}`;
      const email = uniqueEmail("overlap");
      // Days of their own, past those the other journeys book (0–6).
      await visitorBooks(page, { name, email, day: javaScriptEnabled ? 9 : 10 });
      await readEmails(email);

      const therapist = await pageFromAnotherAddress(browser, { javaScriptEnabled });
      await signInAsTherapist(therapist, therapistFor(testInfo));
      await therapist.goto("/admin/requests?status=requested");
      await therapist.getByRole("link", { name }).click();
      const bookedAt = new Date((await therapist.locator(".details time").first().getAttribute("datetime"))!);
      const requestUrl = therapist.url();

      // Her Google calendar gains a meeting across the requested time.
      const utc = (date: Date) => `${date.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
      const path = `/calendar/overlap-${Date.now().toString(36)}/basic.ics`;
      server.set(path, {
        calendar: ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", `UID:${path}`, "DTSTAMP:20260101T000000Z", `DTSTART:${utc(bookedAt)}`, `DTEND:${utc(new Date(bookedAt.getTime() + 3_600_000))}`, "SUMMARY:Meeting", "END:VEVENT", "END:VCALENDAR", ""].join("\r\n"),
      });
      const calendarName = `Google ${javaScriptEnabled ? "js" : "nojs"} ${Date.now().toString(36)}`;
      await therapist.goto("/admin/availability");
      await therapist.getByLabel("Calendar name").fill(calendarName);
      await therapist.getByLabel("Calendar address").fill(server.url(path));
      await therapist.getByRole("button", { name: "Add calendar" }).click();
      await expect(therapist.getByText(/Calendar added\. 1 busy time read/)).toBeVisible();

      await therapist.goto(requestUrl);
      await therapist.getByRole("button", { name: "Confirm", exact: true }).click();
      await expect(therapist.getByText(/overlaps a busy time in one of your calendars/)).toBeVisible();
      await expect(therapist.getByTestId("booking-status")).toHaveText("Awaiting your answer");
      await therapist.getByRole("button", { name: "Confirm anyway" }).click();
      await expect(therapist.getByTestId("booking-status")).toHaveText("Confirmed");

      await therapist.goto("/admin/availability");
      await therapist.getByRole("button", { name: `Remove ${calendarName}` }).click();
      await expect(therapist.getByTestId("busy-calendar").filter({ hasText: calendarName })).toHaveCount(0);
      await therapist.context().close();
    });

    test("Google's web link is refused with what to paste, and nothing is added; a free all-day day off blocks /book when she ticks the box", async ({ page, browser }, testInfo) => {
      test.setTimeout(90_000);
      const dayOff = weeksOut(weekday).plus({ weeks: 3 });
      const secret = `allday-${Date.now().toString(36)}-${javaScriptEnabled ? "js" : "nojs"}`;
      const webPage = `/calendar/${secret}/r/week`;
      const icsPath = `/calendar/${secret}/basic.ics`;
      server.set(webPage, { calendar: "<!doctype html><title>Google Calendar</title>", contentType: "text/html" });
      const next = dayOff.plus({ days: 1 });
      server.set(icsPath, {
        calendar: ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", `UID:${secret}@google.example`, "DTSTAMP:20260101T000000Z", `DTSTART;VALUE=DATE:${dayOff.toFormat("yyyyMMdd")}`, `DTEND;VALUE=DATE:${next.toFormat("yyyyMMdd")}`, "TRANSP:TRANSPARENT", "SUMMARY:Vacation", "END:VEVENT", "END:VCALENDAR", ""].join("\r\n"),
      });
      await page.goto(`/book?where=OR&type=intake&tz=${ZONE}&day=${dayOff.toISODate()}`);
      await expect(page.locator(timeLink(at(dayOff, 10)))).toHaveCount(1);

      const therapist = await pageFromAnotherAddress(browser, { javaScriptEnabled });
      await signInAsTherapist(therapist, therapistFor(testInfo));
      await therapist.goto("/admin/availability");
      await expect(therapist.getByText(/Google Calendar makes a new all-day event .Free./)).toBeVisible();
      const name = `Vacations ${secret.slice(-10)}`;
      await therapist.getByLabel("Calendar name").fill(name);
      await therapist.getByLabel("Calendar address").fill(server.url(webPage));
      await therapist.getByRole("button", { name: "Add calendar" }).click();
      const error = therapist.locator("#calendars-address-error");
      await expect(error).toContainText("did not answer with an iCalendar file");
      await expect(error).toContainText("Secret address in iCal format");
      await expect(error).toContainText("SimplePractice");
      await expect(therapist.getByLabel("Calendar address")).toHaveValue(server.url(webPage));
      await expect(therapist.getByText(/Calendar added\./)).toHaveCount(0);
      await expect(therapist.getByTestId("busy-calendar").filter({ hasText: name })).toHaveCount(0);
      if (javaScriptEnabled) await expectAccessible(therapist);

      await therapist.getByLabel("Calendar address").fill(server.url(icsPath));
      await therapist.getByLabel("All-day events block the day").check();
      await therapist.getByRole("button", { name: "Add calendar" }).click();
      await expect(therapist.getByText(/Calendar added\. 1 busy time read/)).toBeVisible();
      const listed = therapist.getByTestId("busy-calendar").filter({ hasText: name });
      await expect(listed).toContainText("All-day events block the day.");
      await page.goto(`/book?where=OR&type=intake&tz=${ZONE}&day=${dayOff.toISODate()}`);
      await expect(page.locator(timeLink(at(dayOff, 10)))).toHaveCount(0);

      await listed.getByRole("button", { name: `Remove ${name}` }).click();
      await expect(therapist.getByTestId("busy-calendar").filter({ hasText: name })).toHaveCount(0);
      await therapist.context().close();
    });

    test("a calendar address that is not one is refused beside its field, and nothing is added", async ({ browser }, testInfo) => {
      const therapist = await pageFromAnotherAddress(browser, { javaScriptEnabled });
      await signInAsTherapist(therapist, therapistFor(testInfo));
      await therapist.goto("/admin/availability");
      const name = `Not a calendar ${Date.now().toString(36)}`;
      await therapist.getByLabel("Calendar name").fill(name);
      await therapist.getByLabel("Calendar address").fill("ftp://calendar.example/cal.ics");
      await therapist.getByRole("button", { name: "Add calendar" }).click();
      await expect(therapist.locator("#calendars-address-error")).toContainText("webcal://");
      await expect(therapist.getByLabel("Calendar address")).toHaveAttribute("aria-invalid", "true");
      await expect(therapist.getByTestId("busy-calendar").filter({ hasText: name })).toHaveCount(0);
      await therapist.context().close();
    });
  });
}

test.describe("a calendar failing for over an hour", () => {
  test.skip(!process.env.DATABASE_URL, NEEDS_DATABASE);

  for (const javaScriptEnabled of [true, false]) {
    test(`shows on the overview and sends her one email, JavaScript ${javaScriptEnabled ? "on" : "off"}`, async ({ browser }, testInfo) => {
      test.setTimeout(90_000);
      const secret = `failing-${Date.now().toString(36)}-${javaScriptEnabled ? "js" : "nojs"}`;
      const path = `/calendar/${secret}/basic.ics`;
      server.set(path, { calendar: weeklyBusyCalendar({ uid: `${secret}@practice.example`, firstStart: `${weeksOut(3).toISODate()}T09:00:00`, minutes: 50 }) });
      const therapist = await pageFromAnotherAddress(browser, { javaScriptEnabled });
      await signInAsTherapist(therapist, therapistFor(testInfo));
      await therapist.goto("/admin/availability");
      const name = `Failing ${secret.slice(-12)}`;
      await therapist.getByLabel("Calendar name").fill(name);
      await therapist.getByLabel("Calendar address").fill(server.url(path));
      await therapist.getByRole("button", { name: "Add calendar" }).click();
      await expect(therapist.getByText(/Calendar added\./)).toBeVisible();
      await therapist.goto("/admin");
      await expect(therapist.getByTestId("calendars-failing").filter({ hasText: name })).toHaveCount(0);

      // Failing since two hours ago (the clock cannot be moved in a browser journey), and no notice sent yet today.
      const sql = directDatabase()!;
      const sentBefore = (await allEmails()).filter((email) => email.subject === "A calendar could not be read").length;
      try {
        await sql`update busy_calendar set failing_notice_at = null`;
        await sql`update busy_calendar set error_message = 'The calendar address was not found (it may have been reset).', failing_since = now() - interval '2 hours' where name = ${name}`;
      } finally {
        await sql.end();
      }
      await therapist.reload();
      const card = therapist.getByTestId("calendars-failing");
      await expect(card).toContainText(`${name} could not be read for over an hour`);
      await card.getByRole("link", { name: "See what went wrong" }).click();
      await expect(therapist.getByTestId("busy-calendar").filter({ hasText: name }).getByTestId("busy-calendar-error")).toContainText("not found");
      // The sweep (every two seconds here) queues one email, and no second however often it runs.
      await expect.poll(async () => (await allEmails()).filter((email) => email.subject === "A calendar could not be read").length, { timeout: 20_000 }).toBe(sentBefore + 1);
      await therapist.waitForTimeout(5_000);
      expect((await allEmails()).filter((email) => email.subject === "A calendar could not be read")).toHaveLength(sentBefore + 1);

      await therapist.getByRole("button", { name: `Remove ${name}` }).click();
      await expect(therapist.getByTestId("busy-calendar").filter({ hasText: name })).toHaveCount(0);
      await therapist.context().close();
    });
  }
});

/** The 99th percentile of some durations (with a few dozen, close to the slowest). */
function p99(durations: number[]) {
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
}

test.describe("a calendar that would take the server minutes to read", () => {
  test("ten MINUTELY events are read while /book is loaded: /book keeps its pace, and the room says what was left out", async ({ page, request, browser }, testInfo) => {
    test.setTimeout(120_000);
    const secret = `flood-${Date.now().toString(36)}`;
    const path = `/calendar/${secret}/basic.ics`;
    server.set(path, { calendar: minutelyCalendar({ uid: `${secret}@invite.example`, count: 10 }) });
    const bookUrl = `/book?where=OR&type=intake&tz=${ZONE}&day=${weeksOut(5).toISODate()}`;
    // Two visitors loading /book one page after another, until told to stop.
    const load = async (until: () => boolean) => {
      const durations: number[] = [];
      const visitor = async () => {
        while (!until()) {
          const started = performance.now();
          const response = await request.get(bookUrl);
          expect(response.status()).toBe(200);
          durations.push(performance.now() - started);
        }
      };
      await Promise.all([visitor(), visitor()]);
      return durations;
    };
    // Warm, then the pace of /book with nothing else going on.
    await load(((n) => () => n-- <= 0)(4));
    const baselineEnds = Date.now() + 4_000;
    const baseline = await load(() => Date.now() > baselineEnds);

    const therapist = await pageFromAnotherAddress(browser);
    await signInAsTherapist(therapist, therapistFor(testInfo));
    await therapist.goto("/admin/availability");
    const name = `Invitations ${secret.slice(-6)}`;
    await therapist.getByLabel("Calendar name").fill(name);
    await therapist.getByLabel("Calendar address").fill(server.url(path));
    let reading = true;
    const loaded = load(() => !reading);
    await therapist.getByRole("button", { name: "Add calendar" }).click();
    await expect(therapist.getByText(/Calendar added\. 0 busy times read/)).toBeVisible({ timeout: 60_000 });
    reading = false;
    const during = await loaded;
    testInfo.annotations.push({ type: "book p99 (ms)", description: `baseline ${p99(baseline).toFixed(0)} of ${baseline.length}, while reading ${p99(during).toFixed(0)} of ${during.length}` });
    expect(during.length).toBeGreaterThan(4);
    expect(p99(during)).toBeLessThan(2 * p99(baseline));

    const listed = therapist.getByTestId("busy-calendar").filter({ hasText: name });
    await expect(listed.getByTestId("busy-calendar-left-out")).toContainText(/10 repeating events could not be read in full.*They repeat every hour or more often/);
    await expectAccessible(therapist);
    await page.goto(bookUrl);
    await expect(page.locator('a[href*="start="]').first()).toBeVisible();

    await listed.getByRole("button", { name: `Remove ${name}` }).click();
    await expect(therapist.getByTestId("busy-calendar").filter({ hasText: name })).toHaveCount(0);
    await therapist.context().close();
  });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the availability form's time inputs, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the week shows as times and saves as it is; a one-day change is typed as times, saved, listed, and the form clears", async ({ page }, testInfo) => {
      await signInAsTherapist(page, therapistFor(testInfo));
      await page.goto("/admin/availability");
      // The demo Monday, 09:00–12:00 and 13:00–17:00, as two rows of time inputs and an empty third.
      const monday = page.getByRole("group", { name: "Monday" });
      await expect(monday.getByLabel("Monday, hours 1: From")).toHaveValue("09:00");
      await expect(monday.getByLabel("Monday, hours 2: Until")).toHaveValue("17:00");
      await expect(monday.getByLabel("Monday, hours 3: From")).toHaveValue("");
      // Saved unchanged, so no other journey's week moves.
      await page.getByRole("button", { name: "Save weekly hours" }).click();
      await expect(page.getByText("Weekly hours saved.")).toBeVisible();
      await expect(page.getByRole("group", { name: "Monday" }).getByLabel("Monday, hours 1: From")).toHaveValue("09:00");

      // A Saturday (closed in the demo week) about seven weeks out, a different one for each run.
      let day = DateTime.now().setZone(ZONE).startOf("day").plus({ days: javaScriptEnabled ? 45 : 52 });
      while (day.weekday !== 6) day = day.plus({ days: 1 });
      const iso = day.toISODate()!;
      await page.getByLabel("Day", { exact: true }).fill(iso);
      const hours = page.getByRole("group", { name: "Hours that day (none: closed)" });
      await hours.getByLabel("hours 1: From").fill("10:00");
      await hours.getByLabel("hours 1: Until").fill("12:30");
      await page.getByRole("button", { name: "Save that day's hours" }).click();
      await expect(page.getByText("That day's hours are saved.")).toBeVisible();
      await expect(page.getByRole("list", { name: "One-day changes" })).toContainText("10:00–12:30");
      await expect(page.getByLabel("Day", { exact: true })).toHaveValue("");
      await expect(page.getByRole("group", { name: "Hours that day (none: closed)" }).getByLabel("hours 1: From")).toHaveValue("");
      if (javaScriptEnabled) await expectAccessible(page);

      await page.getByRole("button", { name: `Back to usual hours on ${iso}` }).click();
      await expect(page.getByRole("button", { name: `Back to usual hours on ${iso}` })).toHaveCount(0);
    });
  });
}
