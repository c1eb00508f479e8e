import type { Page } from "@playwright/test";
import { expect, expectAccessible, linkIn, readEmails, test, uniqueEmail } from "./fixtures";
import { confirmFromEmail } from "./fixtures/book-visit";

/*
 * The visitor's way through booking, as a phone and a desktop meet it
 * (issues 11 and 18): where you will be asked first, in one press, a month
 * calendar, the zone in use always shown with her own and the practice's one
 * press away, each session's fee, only what booking needs, answers brought
 * into view, and a dead booking link that says what may have happened.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const MANAGE_LINK = /\/book\/manage\/[A-Za-z0-9_-]{43}$/;
const APPOINTMENT = /^\w+day, \w+ \d{1,2}, \d{4}, \d{1,2}:\d\d\s(AM\s|PM\s)?–\s\d{1,2}:\d\d\s[AP]M United Kingdom Time \(50 minutes\)$/u;

/** Where each element starts and ends on the page, measured at one moment (a smooth scroll may be under way). */
async function boxes(page: Page, selectors: string[]) {
  return page.evaluate(
    (all) =>
      all.map((selector) => {
        const rect = document.querySelector(selector)!.getBoundingClientRect();
        return { x: rect.left, y: rect.top + window.scrollY, width: rect.width, height: rect.height };
      }),
    selectors,
  );
}

/** Says where the visitor will be, on /book in London time: one press, a licensed state or "Somewhere else". */
async function sayWhere(page: Page, place: "Oregon" | "Washington" | "California" | "Somewhere else") {
  await page.goto("/book?tz=Europe/London");
  await expect(page.getByRole("group", { name: "Where will you be during the session?" })).toBeVisible();
  await page.getByRole("button", { name: place, exact: true }).click();
}

/** The `index`-th free day of the shown month, then its first time; returns the day's accessible name. */
async function pickDay(page: Page, index: number) {
  const day = page.locator(".month-grid a.day-free").nth(index);
  const name = (await day.getAttribute("aria-label"))!;
  await day.click();
  await expect(day).toHaveAttribute("aria-current", "date");
  return name;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the visitor's way on a phone, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: PHONE, timezoneId: "Europe/London" });

    test("the licensed states are one press each; somewhere else hears it first, kindly, before choosing anything", async ({ page }) => {
      // Two pages, each checked by axe.
      test.setTimeout(60_000);
      await page.goto("/book?tz=Europe/London");
      const where = page.getByRole("group", { name: "Where will you be during the session?" });
      expect(await where.getByRole("button").allTextContents()).toEqual(["Oregon", "Washington", "California", "Somewhere else"]);
      await expect(page.getByRole("combobox")).toHaveCount(0);
      if (javaScriptEnabled) await expectAccessible(page);

      await sayWhere(page, "Somewhere else");
      await expect(page).toHaveURL(/where=elsewhere/);
      const answer = page.locator("#where-answer");
      await expect(answer.getByRole("heading", { name: "We're sorry: this practice can't see you there" })).toBeVisible();
      await expect(answer).toContainText("Psychology Today");
      await expect(answer).toBeInViewport();
      await expect(page.getByRole("link", { name: /^Choose / })).toHaveCount(0);
      // She can still say she will be in a licensed state after all.
      await expect(page.getByRole("button", { name: "Oregon", exact: true })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
    });

    test("Oregon first, then a month calendar, a short form and an appointment with its end and length", async ({ page }) => {
      // The whole way in one test: /book, the month, the form, the emailed confirm, the manage page, five axe runs.
      // It takes 20 s on a quiet machine and passed 30 s twice on a loaded 2-core one.
      test.slow();
      await sayWhere(page, "Oregon");
      await expect(page).toHaveURL(/where=OR/);
      // Remembered for the visit, with a way to change it, and each kind of session with its fee.
      await expect(page.getByText("During the session you will be in Oregon.")).toBeVisible();
      await expect(page.getByRole("link", { name: "Change", exact: true })).toBeVisible();
      await expect(page.locator(".session-types .card").filter({ hasText: "Intake session" }).locator(".fee")).toHaveText("Fee: $190");
      await expect(page.locator(".session-types .card").filter({ hasText: "Free consultation call" }).locator(".fee")).toHaveText("Fee: free");
      if (javaScriptEnabled) await expectAccessible(page);
      await page.getByRole("link", { name: "Choose intake session" }).click();
      await expect(page.locator(".month-grid")).toBeVisible();
      // Days without times are plain, marked unavailable, never links.
      const unavailable = page.locator(".month-grid [aria-disabled='true']");
      expect(await unavailable.count()).toBeGreaterThan(0);
      expect(await page.locator(".month-grid a[aria-disabled]").count()).toBe(0);
      for (const name of await page.locator(".month-grid a.day-free").evaluateAll((links) => links.map((link) => link.getAttribute("aria-label"))))
        expect(name).toMatch(/^\w+day, \w+ \d{1,2}, \d+ times?$/);

      const dayName = await pickDay(page, javaScriptEnabled ? 6 : 7);
      await expect(page.locator("#step-time")).toContainText("Times in United Kingdom Time");
      // The whole choice, from the page's top to the last time, fits a phone: no longer 42 day cards in one
      // column (the site's header and the practice's contact block below the times aside).
      const [main, lastTime] = await boxes(page, ["main", "#step-time"]);
      expect(lastTime!.y + lastTime!.height - main!.y).toBeLessThan(2_000);
      // On a phone the times sit below the month.
      const [month, times] = await boxes(page, [".month-grid", "#step-time"]);
      expect(times!.y).toBeGreaterThanOrEqual(month!.y + month!.height);
      if (javaScriptEnabled) await expectAccessible(page);

      await page.locator(".time-list a").first().click();
      await expect(page.getByRole("heading", { level: 1, name: "Request your intake session" })).toBeVisible();
      await expect(page.getByText("During the session you will be in Oregon.")).toBeVisible();
      await expect(page.locator(".booking-summary")).toContainText("Intake session · 50 minutes · Fee: $190");
      // Asked already: not again. One acknowledgement, and how they heard is optional.
      await expect(page.getByLabel("Where will you be during the session?")).toHaveCount(0);
      await expect(page.getByRole("main").getByRole("checkbox")).toHaveCount(1);
      await expect(page.getByLabel("How did you hear about the practice? (optional)")).toHaveValue("");
      if (javaScriptEnabled) await expectAccessible(page);

      const email = uniqueEmail("way");
      await page.getByLabel("Your name").fill("Jo Way");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Telehealth (video)").check();
      await page.getByRole("radio", { name: "Insurance" }).check();
      await page.getByLabel("Your insurance plan's name").fill("Providence Health Plan");
      await page.getByRole("main").getByRole("checkbox").check();
      await page.getByRole("button", { name: "Request this time" }).click();
      // Held until confirmed from the email the app sent; then the booking's own page.
      await confirmFromEmail(page, email);

      const [, receipt] = await readEmails(email, { count: 2 });
      expect(receipt!.text.replace(/\s+/gu, " ")).toMatch(/\w+day, \w+ \d{1,2}, \d{4}, \d{1,2}:\d\d (AM |PM )?– \d{1,2}:\d\d [AP]M United Kingdom Time \(50 minutes\)/u);
      await page.goto(linkIn(receipt!, MANAGE_LINK));
      await expect(page.locator(".booking-details .when")).toHaveText(APPOINTMENT);
      expect(await page.locator(".booking-details .when").textContent()).toContain(dayName.split(",").slice(0, 2).join(","));

      // The booking, then Cancel and Move, then the times to move to.
      await expect(page.getByRole("link", { name: "Move to another time" })).toBeVisible();
      const [details, move, cancel, calendar] = await boxes(page, [".booking-details", 'a[href="#reschedule"]', "details.cancel summary", "#reschedule .month-grid"]);
      expect(details!.y).toBeLessThan(move!.y);
      expect(move!.y).toBeLessThan(cancel!.y);
      expect(cancel!.y).toBeLessThan(calendar!.y);
      expect(await page.locator("#reschedule .month-grid a[aria-disabled]").count()).toBe(0);
      await page.locator("#reschedule .month-grid a.day-free").first().click();
      await expect(page.locator("#reschedule-times").getByRole("radio").first()).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
    });

    test("an old link without where she will be asks it first, with the same buttons, then the form", async ({ page }) => {
      await sayWhere(page, "Oregon");
      await page.getByRole("link", { name: "Choose intake session" }).click();
      await pickDay(page, 8);
      const start = new URL((await page.locator(".time-list a").first().getAttribute("href"))!, page.url()).searchParams.get("start")!;
      const old = `/book/request?${new URLSearchParams({ type: "intake", start, tz: "Europe/London" }).toString()}`;
      await page.goto(old);
      await expect(page.getByRole("button", { name: "Request this time" })).toHaveCount(0);
      const where = page.getByRole("group", { name: "Where will you be during the session?" });
      expect(await where.getByRole("button").allTextContents()).toEqual(["Oregon", "Washington", "California", "Somewhere else"]);
      if (javaScriptEnabled) await expectAccessible(page);
      await where.getByRole("button", { name: "Somewhere else" }).click();
      const answer = page.locator("#where-answer");
      await expect(answer.getByRole("heading", { name: "We're sorry: this practice can't see you there" })).toBeInViewport();
      await expect(page.getByRole("button", { name: "Request this time" })).toHaveCount(0);

      await page.goto(old);
      await page.getByRole("button", { name: "Washington", exact: true }).click();
      await expect(page.getByText("During the session you will be in Washington.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Request this time" })).toBeVisible();
    });

    test("a refused intake form brings its answer into view, beside the field, at the button's end of a phone", async ({ page }) => {
      await sayWhere(page, "Oregon");
      await page.getByRole("link", { name: "Choose intake session" }).click();
      await pickDay(page, 8);
      await page.locator(".time-list a").first().click();
      await page.getByLabel("Your name").fill("Alex Plan");
      await page.getByLabel("Email address").fill(uniqueEmail("plan"));
      await page.getByLabel("Telehealth (video)").check();
      await page.getByRole("radio", { name: "Insurance" }).check();
      await page.getByLabel(/What brings you to therapy/).fill("Keep this, please.");
      await page.getByRole("main").getByRole("checkbox").check();
      await page.getByRole("button", { name: "Request this time" }).click();

      const plan = page.getByLabel("Your insurance plan's name");
      await expect(page.locator("#insurancePlan-error")).toHaveText(/name of your insurance plan/);
      await expect(plan).toHaveAttribute("aria-invalid", "true");
      // With JavaScript the first field to fix takes the focus; without, the page opens at the notice above the form.
      if (javaScriptEnabled) await expect(plan).toBeFocused();
      else await expect(page.locator("#form-problem")).toBeInViewport();
      await expect(page.getByRole("radio", { name: "Insurance" })).toBeChecked();
      await expect(page.getByLabel(/What brings you to therapy/)).toHaveValue("Keep this, please.");
      if (javaScriptEnabled) await expectAccessible(page);
    });

    test("the contact form's thank-you is in view and focused after sending", async ({ page }) => {
      await page.goto("/contact");
      await page.getByLabel("Your name").fill("Robin Vale");
      await page.getByLabel("Email address").fill(uniqueEmail("thanks"));
      await page.getByLabel("Your message").fill("Hello, a question about times.");
      await page.getByLabel(/I agree that the practice may store/).check();
      await page.getByRole("button", { name: "Send message" }).click();
      const answer = page.locator("#form-problem");
      await expect(answer.getByRole("heading", { name: "Thank you, your message has been sent" })).toBeInViewport();
      if (javaScriptEnabled) await expect(answer).toBeFocused();
      else await expect(page).toHaveURL(/#form-problem$/);
    });

    test("a dead booking link says what may have happened and how to reach the practice", async ({ page }) => {
      await page.goto(`/book/manage/${"B".repeat(43)}`);
      await expect(page.getByRole("heading", { level: 1, name: "This booking link no longer opens an appointment" })).toBeVisible();
      await expect(page.getByText(/was cancelled/)).toBeVisible();
      await expect(page.getByRole("link", { name: "Book a new time" })).toHaveAttribute("href", "/book");
      await expect(page.getByRole("link", { name: "hello@stillwater.example" })).toBeVisible();
      await expect(page.getByRole("link", { name: "+1 503 555 0142" })).toBeVisible();
      await expect(page.getByRole("link", { name: "send a message" })).toHaveAttribute("href", "/contact");
      expect(await page.locator('meta[name="robots"]').evaluateAll((metas) => metas.map((meta) => meta.getAttribute("content")))).toEqual(["noindex, nofollow"]);
      await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
      if (javaScriptEnabled) await expectAccessible(page);
    });
  });
}

test.describe("on a desktop", () => {
  test.use({ viewport: DESKTOP, timezoneId: "Europe/London" });

  test("the chosen day's times sit beside the month", async ({ page }) => {
    await page.goto("/book?tz=Europe/London&where=OR&type=consultation");
    await pickDay(page, 0);
    const [month, times] = await boxes(page, [".month-grid", "#step-time"]);
    expect(times!.x).toBeGreaterThanOrEqual(month!.x + month!.width);
    expect(times!.y).toBeLessThan(month!.y + month!.height);
    await expectAccessible(page);
  });

  test("the dead booking link page passes axe", async ({ page }) => {
    await page.goto("/book/manage/not-a-token");
    await expect(page.getByRole("heading", { level: 1, name: "This booking link no longer opens an appointment" })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("a browser in New York", () => {
  test.use({ timezoneId: "America/New_York" });

  for (const viewport of [PHONE, DESKTOP]) {
    test(`her zone and the practice's are one press each, any other is a search away (${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto("/book?where=OR&type=intake");
      await expect(page).toHaveURL(/tz=America%2FNew_York/);
      await expect(page.locator("#zone-name")).toHaveText("Eastern Time (America/New York)");
      await page.getByRole("button", { name: "Pacific Time (the practice's zone)" }).click();
      await expect(page.locator("#zone-name")).toHaveText("Pacific Time (America/Los Angeles)");
      await expect(page).toHaveURL(/where=OR.*type=intake.*tz=America%2FLos_Angeles/);
      await page.getByRole("button", { name: "Eastern Time (this device)" }).click();
      await expect(page.locator("#zone-name")).toHaveText("Eastern Time (America/New York)");
      await expect(page.getByRole("button", { name: /this device/ })).toHaveCount(0);

      await page.getByText("Another zone").click();
      await expect(page.getByLabel("Show times in")).toHaveValue("America/New_York");
      await page.getByLabel("Show times in").fill("Adelaide");
      await page.getByRole("button", { name: "Show times" }).click();
      await expect(page.locator("#zone-name")).toHaveText("Australian Central Time (Australia/Adelaide)");
      await expectAccessible(page);
      await pickDay(page, 0);
      await expect(page).toHaveURL(/tz=Australia%2FAdelaide/);
      await expect(page.locator("#step-time")).toContainText("Times in Australian Central Time");
    });
  }
});
