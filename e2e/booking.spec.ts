import ICAL from "ical.js";
import type { Page } from "@playwright/test";
import { confirmFromEmail } from "./fixtures/book-visit";
import { formatAppointment } from "../lib/booking/format";
import { E2E_EXPIRED_BOOKING_ID, manageTokenFor } from "./fixtures/booking";
import { type SentEmail, allEmails, expect, expectAccessible, linkIn, readEmails, test, uniqueEmail } from "./fixtures";

const NOTIFICATION_TO = "maya@stillwater.example";
const MANAGE_LINK = /\/book\/manage\/[A-Za-z0-9_-]{43}$/;

type SessionChoice = "Choose intake session" | "Choose free consultation call";

/** Opens /book in London time, in Oregon, and picks the type; then `day` (the index of a day) and that day's first time, or the `nth` free time overall. */
async function chooseTime(page: Page, type: SessionChoice, pick: { day: number } | { nth: number }) {
  await page.goto("/book?tz=Europe/London&where=OR");
  await page.getByRole("link", { name: type }).click();
  await expect(page.locator("#zone-name")).toHaveText("United Kingdom Time (Europe/London)");
  const days = page.locator(".day-list a");
  await expect(days.first()).toBeVisible();
  let dayIndex = "day" in pick ? pick.day : 0;
  let timeIndex = "day" in pick ? 0 : pick.nth;
  for (;;) {
    await days.nth(dayIndex).click();
    await expect(days.nth(dayIndex)).toHaveAttribute("aria-current", "date");
    const count = await page.locator(".time-list a").count();
    if (timeIndex < count) break;
    timeIndex -= count;
    dayIndex += 1;
  }
  const time = page.locator(".time-list a").nth(timeIndex);
  const label = (await time.textContent())!.trim();
  await time.click();
  await expect(page.getByRole("heading", { level: 1, name: /your (intake session|free consultation call)/i })).toBeVisible();
  return label;
}

async function fillIntake(page: Page, values: { name: string; email: string; secret?: string; format?: "Telehealth (video)" | "In person" }) {
  await page.getByLabel("Your name").fill(values.name);
  await page.getByLabel("Email address").fill(values.email);
  if (values.format) await page.getByLabel(values.format).check();
  if (values.secret) await page.getByLabel(/What brings you to therapy/).fill(values.secret);
  await page.getByLabel("How did you hear about the practice?").selectOption("blog");
  await page.getByLabel(/booking is not for emergencies.*I agree that the practice may keep these answers/).check();
}

function icsOf(email: SentEmail) {
  const attachment = email.attachments.find((file) => file.filename.endsWith(".ics"));
  if (!attachment) throw new Error(`No .ics attached to "${email.subject}"`);
  const text = Buffer.from(attachment.content, "base64").toString("utf8");
  return new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`booking, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, timezoneId: "Europe/London" });

    test("a visitor requests an intake session, types the emailed code, moves it, then cancels it", async ({ page, request, baseURL }) => {
      // Four emails, two of them read before the booking exists for the therapist, and axe on each page.
      test.setTimeout(60_000);
      const foreign: string[] = [];
      page.on("request", (sent) => {
        if (new URL(sent.url()).origin !== new URL(baseURL!).origin) foreign.push(sent.url());
      });
      const email = uniqueEmail("booker");
      const secret = `private-detail-${Date.now()}`;
      // Each mode books its own day, so the two never race for one time.
      const chosen = await chooseTime(page, "Choose intake session", { day: javaScriptEnabled ? 0 : 1 });
      if (javaScriptEnabled) await expectAccessible(page);
      await expect(page.locator(".booking-summary")).toContainText("United Kingdom Time");
      await fillIntake(page, { name: "Robin Vale", email, secret, format: "Telehealth (video)" });
      await page.getByRole("button", { name: "Request this time" }).click();
      // Held until the visitor confirms from the email the app sent.
      if (javaScriptEnabled) await expectAccessible(page);
      await confirmFromEmail(page, email);
      await expect(page.getByRole("heading", { name: "Your request has been sent" })).toBeVisible();
      await expect(page.locator(".booking-details")).toContainText("Requested: your time is held");
      await expect(page.locator(".booking-details .when")).toContainText(chosen.replace(/\s[AP]M$/u, ""));
      if (javaScriptEnabled) await expectAccessible(page);

      const [, receipt] = await readEmails(email, { count: 2 });
      expect(receipt!.subject).toBe("We received your appointment request");
      expect(receipt!.text).toContain("Fee: $190");
      expect(`${receipt!.html}${receipt!.text}`).not.toContain(secret);
      const manage = linkIn(receipt!, MANAGE_LINK);
      for (const notice of await readEmails(NOTIFICATION_TO)) {
        expect(`${notice.subject}${notice.html}${notice.text}`).not.toContain(secret);
        expect(`${notice.html}${notice.text}`).not.toContain("Robin Vale");
      }

      // The link in the email opens the same booking.
      await page.goto(manage);
      await expect(page.getByRole("heading", { level: 1, name: "Your intake session" })).toBeVisible();
      await expect(page.locator("#zone-name")).toHaveText("United Kingdom Time (Europe/London)");
      const ics = await request.get(`${new URL(manage).pathname}/calendar.ics`);
      expect(ics.headers()["content-type"]).toContain("text/calendar");
      expect(await ics.text()).toMatch(/DTSTART:\d{8}T\d{6}Z/);

      // Move it to another day.
      const before = await page.locator(".booking-details .when").textContent();
      const reschedule = page.locator("#reschedule");
      await reschedule.locator(".day-list a").nth(javaScriptEnabled ? 2 : 3).click();
      await reschedule.getByRole("radio").first().check();
      await reschedule.getByRole("button", { name: "Move my appointment to this time" }).click();
      await expect(page.getByRole("heading", { name: "Your appointment has moved" })).toBeVisible();
      await expect(page.locator(".booking-details .when")).not.toHaveText(before!);
      const [, , moved] = await readEmails(email, { count: 3 });
      expect(moved!.subject).toBe("Your appointment has a new time");
      expect(linkIn(moved!, MANAGE_LINK)).toBe(manage);

      // And cancel it.
      await page.getByText("Cancel this appointment").click();
      await page.getByRole("button", { name: "Yes, cancel my appointment" }).click();
      await expect(page.getByRole("heading", { name: "Your appointment has been cancelled" })).toBeVisible();
      await expect(page.locator(".booking-details")).toContainText("Cancelled");
      await expect(page.locator("#reschedule")).toHaveCount(0);
      const [, , , cancelled] = await readEmails(email, { count: 4 });
      expect(cancelled!.subject).toBe("Your appointment has been cancelled");
      expect((await request.get(`${new URL(manage).pathname}/calendar.ics`)).status()).toBe(404);
      expect(foreign).toEqual([]);
    });

    test("past the cut-off, a booking cannot be cancelled online and the policy is shown", async ({ page }) => {
      const email = uniqueEmail("late");
      // The seeded week is open around the clock for three days: a consultation (four hours' notice) lands inside the 24-hour cut-off.
      // The first and the third free times: a consultation holds 20 minutes, so the two modes never meet.
      await chooseTime(page, "Choose free consultation call", { nth: javaScriptEnabled ? 0 : 2 });
      await fillIntake(page, { name: "Sam Late", email });
      await page.getByRole("button", { name: "Book this time" }).click();
      await confirmFromEmail(page, email);
      await expect(page.getByRole("heading", { name: "Your appointment is booked" })).toBeVisible();
      await expect(page.locator(".booking-details")).toContainText("Confirmed");

      await expect(page.getByRole("heading", { name: "Changes are closed online" })).toBeVisible();
      await expect(page.getByText(/a session cancelled with less than 24 hours' notice may be charged/)).toBeVisible();
      await expect(page.getByRole("link", { name: "hello@stillwater.example" })).toBeVisible();
      await expect(page.getByText("Cancel this appointment")).toHaveCount(0);
      await expect(page.getByRole("button", { name: /cancel my appointment/ })).toHaveCount(0);
      if (javaScriptEnabled) await expectAccessible(page);

      // Confirmed at once: the email carries the appointment as a calendar file at the booked instant.
      const [, confirmation] = await readEmails(email, { count: 2 });
      expect(confirmation!.subject).toBe("Your appointment is confirmed");
      const event = icsOf(confirmation!);
      const when = await page.locator(".booking-details .when").textContent();
      const shown = formatAppointment(event.startDate.toJSDate(), event.endDate.toJSDate(), "Europe/London");
      expect(when).toBe(shown);
    });

    test("someone outside the licensed states is told kindly where to look, and no request is made", async ({ page }) => {
      const email = uniqueEmail("elsewhere");
      // An intake form reached without the /book question (an old link) asks it first, with /book's buttons.
      const start = (await chooseTime(page, "Choose intake session", { day: 4 }), new URL(page.url()).searchParams.get("start")!);
      await page.goto(`/book/request?${new URLSearchParams({ type: "intake", start, tz: "Europe/London" }).toString()}`);
      await expect(page.getByLabel("Your name")).toHaveCount(0);
      await page.getByRole("button", { name: "Somewhere else" }).click();

      const answer = page.locator("#where-answer");
      await expect(answer.getByRole("heading", { name: "We're sorry: this practice can't see you there" })).toBeVisible();
      await expect(answer).toContainText("Psychology Today");
      await expect(answer).toContainText("988");
      await expect(page.getByRole("button", { name: "Request this time" })).toHaveCount(0);
      if (javaScriptEnabled) await expectAccessible(page);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect((await allEmails()).filter((sent) => sent.to.includes(email))).toEqual([]);
    });

    test("a refused request shows each problem beside its field and keeps what was typed", async ({ page }) => {
      await chooseTime(page, "Choose intake session", { day: 4 });
      await page.getByLabel("Your name").fill("Robin");
      await page.getByLabel("Email address").fill("robin@");
      await page.getByLabel(/What brings you to therapy/).fill("Keep this text, please.");
      await page.getByRole("button", { name: "Request this time" }).click();
      await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#email-error")).toHaveText(/email address like name@example.com/);
      await expect(page.locator("#consent-error")).toHaveText(/Please tick the box/);
      await expect(page.getByLabel(/What brings you to therapy/)).toHaveValue("Keep this text, please.");
      await expect(page.getByLabel("Email address")).toHaveValue("robin@");
      if (javaScriptEnabled) await expectAccessible(page);
    });
  });
}

test.describe("time zones", () => {
  test.use({ timezoneId: "Asia/Kolkata" });

  test("with JavaScript, times are shown in the visitor's own zone, named on the page", async ({ page }) => {
    await page.goto("/book?type=consultation&where=OR");
    // Chromium reports the zone by its older name, Asia/Calcutta; either is the same zone.
    await expect(page).toHaveURL(/tz=Asia%2F(Kolkata|Calcutta)/);
    await expect(page.locator("#zone-name")).toHaveText(/^India Standard Time \(Asia\/(Kolkata|Calcutta)\)$/);
    await expect(page.getByRole("button", { name: "Pacific Time (the practice's zone)" })).toBeVisible();
    await page.locator(".day-list a").first().click();
    await expect(page.locator("#step-time")).toBeVisible();
    // A half-hour zone: every consultation start (quarter hours in Portland) reads :00, :15, :30 or :45 here too, never :07.
    const times = await page.locator(".time-list a").allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^\d{1,2}:(00|15|30|45) [AP]M$/);
    await expectAccessible(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("times start in the practice's zone, named, and another zone is a search away", async ({ page }) => {
      await page.goto("/book?type=intake&where=OR");
      await expect(page.locator("#zone-name")).toHaveText("Pacific Time (America/Los Angeles)");
      // Only the browser knows her zone: without JavaScript there is no such button, and the practice's is the one in use.
      await expect(page.getByRole("button", { name: /this device|the practice's zone/ })).toHaveCount(0);
      await page.locator(".day-list a").first().click();
      const portland = await page.locator(".time-list a").first().textContent();
      await page.getByText("Another zone").click();
      await page.getByLabel("Show times in").fill("Australia/Adelaide");
      await page.getByRole("button", { name: "Show times" }).click();
      await expect(page).toHaveURL(/where=OR.*type=intake.*tz=Australia%2FAdelaide/);
      await expect(page.locator("#zone-name")).toHaveText("Australian Central Time (Australia/Adelaide)");
      // The same first free time, read on a clock 17½ or 18½ hours ahead: the half hour shows.
      await page.locator(".day-list a").first().click();
      const adelaide = (await page.locator(".time-list a").first().textContent())!;
      const minutes = (label: string) => Number(/:(\d\d) [AP]M$/.exec(label)![1]);
      expect(minutes(adelaide)).toBe((minutes(portland!) + 30) % 60);
    });
  });
});

test("a wrong, malformed or expired manage link reveals nothing", async ({ page, request }) => {
  const expired = `/book/manage/${manageTokenFor(E2E_EXPIRED_BOOKING_ID)}`;
  const pages: string[] = [];
  for (const path of [`/book/manage/${"A".repeat(43)}`, "/book/manage/not-a-token", expired]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "This booking link no longer opens an appointment" })).toBeVisible();
    await expect(page.getByText("Long Ago")).toHaveCount(0);
    expect((await request.get(`${path}/calendar.ics`)).status()).toBe(404);
    pages.push(await page.locator("main").innerText());
  }
  // The same page for each: nothing tells a guess from a lapsed link.
  expect(new Set(pages).size).toBe(1);
});

test("50 visitors sending the same time at once: one holds it, 49 are told it was just taken, none gets an error", async ({ browser, request }) => {
  test.setTimeout(90_000);
  // The form as a browser without JavaScript posts it: the server action's own fields included.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await chooseTime(page, "Choose intake session", { day: 5 });
  const requestUrl = new URL(page.url());
  const hidden = await page.locator("form.form input[type=hidden]").evaluateAll((inputs) =>
    inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as [string, string]),
  );
  const base = Object.fromEntries(hidden);
  await context.close();
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      request.post(`${requestUrl.pathname}${requestUrl.search}`, {
        multipart: {
          ...base,
          formKey: crypto.randomUUID(),
          website: "",
          name: `Racer ${i}`,
          email: uniqueEmail(`racer${i}`),
          phone: "",
          location: "WA",
          format: "telehealth",
          whatBringsYou: "",
          heardAbout: "search",
          consent: "yes",
        },
        headers: { origin: requestUrl.origin, "x-forwarded-for": `2001:db8:${(0x5000 + i).toString(16)}::1` },
        maxRedirects: 0,
      }),
    ),
  );
  const statuses = responses.map((response) => response.status());
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  const held = responses.filter((response) => response.status() === 303);
  expect(held).toHaveLength(1);
  expect(held[0]!.headers().location).toMatch(/\/book\/check-your-email\/[A-Za-z0-9_-]{43}$/);
  const refused = responses.filter((response) => response.status() === 200);
  expect(refused).toHaveLength(49);
  for (const response of refused) expect(await response.text()).toContain("That time was just taken by someone else.");
});

test("the booking pages work at 320 px without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/book?type=intake&tz=Europe/London&where=OR");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.locator(".day-list a").first().click();
  await page.locator(".time-list a").first().click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test("the home page and the navigation lead to booking", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Book an intake session" }).click();
  await expect(page).toHaveURL(/\/book/);
  await expect(page.getByRole("heading", { level: 1, name: "Book an appointment" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Book" })).toHaveAttribute("aria-current", "page");
});

test("booking pages are private: never cached, a fresh nonce, and kept out of search engines", async ({ request }) => {
  for (const path of ["/book", "/book?type=intake", `/book/manage/${manageTokenFor(E2E_EXPIRED_BOOKING_ID)}`]) {
    const response = await request.get(path);
    expect(response.headers()["cache-control"], path).toContain("no-store");
    expect(response.headers()["content-security-policy"], path).toMatch(/'nonce-[^']+'/);
  }
  // A start outside the booking window is refused at the door, and that answer is kept out of search engines too.
  const outside = await request.get("/book/request?type=intake&start=2000-01-01T00:00:00.000Z");
  expect(outside.status()).toBe(400);
  expect(outside.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  tomorrow.setUTCMinutes(0, 0, 0);
  const requestPage = await request.get(`/book/request?type=intake&start=${tomorrow.toISOString()}`);
  expect(await requestPage.text()).toContain('<meta name="robots" content="noindex, nofollow"/>');
});
