import { expect, expectAccessible, readEmails, test, uniqueEmail } from "./fixtures";
import { icsEventOf, visitorBooks } from "./fixtures/book-visit";
import { pageFromAnotherAddress, signInAsTherapist, therapistFor } from "./fixtures/therapist";
import { formatDayRange } from "../lib/booking/format";

const uniqueName = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

// Each test books its own day (booking.spec.ts uses the first four), so none races another for a time.
for (const javaScriptEnabled of [true, false]) {
  test.describe(`the requests room, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, timezoneId: "Europe/London" });

    test("a visitor books; the therapist confirms in the private area; the confirmation carries an .ics with the booked instant", async ({ page, browser }, testInfo) => {
      test.setTimeout(60_000);
      const name = uniqueName("Casey <i>Confirm</i>");
      const email = uniqueEmail("confirm-me");
      const secret = `<b>private</b> reason ${Date.now()}`;
      await visitorBooks(page, { name, email, secret, insurancePlan: "Providence Health Plan", day: javaScriptEnabled ? 4 : 5 });
      await readEmails(email, { count: 2 });

      const therapist = await pageFromAnotherAddress(browser, { javaScriptEnabled });
      await signInAsTherapist(therapist, therapistFor(testInfo));
      await therapist.goto("/admin");
      await expect(therapist.getByRole("heading", { name: "Awaiting your answer" })).toBeVisible();
      await expect(therapist.getByRole("link", { name }).first()).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(therapist);

      await therapist.getByRole("link", { name: "Requests", exact: true }).click();
      await expect(therapist.getByRole("heading", { name: "Requests and sessions" })).toBeVisible();
      await therapist.getByLabel("Status").selectOption("requested");
      await therapist.getByRole("button", { name: "Show" }).click();
      await expect(therapist).toHaveURL(/status=requested/);
      if (javaScriptEnabled) await expectAccessible(therapist);
      await therapist.getByRole("link", { name }).click();

      await expect(therapist.getByRole("heading", { name: `Intake session with ${name}` })).toBeVisible();
      await expect(therapist.getByTestId("visitor-text")).toHaveText(secret);
      await expect(therapist.getByTestId("booking-status")).toHaveText("Awaiting your answer");
      await expect(therapist.getByTestId("booking-payment")).toHaveText("Insurance: Providence Health Plan");
      if (javaScriptEnabled) await expectAccessible(therapist);
      const bookedAt = await therapist.locator(".details time").first().getAttribute("datetime");

      await therapist.getByRole("button", { name: "Confirm" }).click();
      await expect(therapist.getByText("Confirmed. The client's confirmation")).toBeVisible();
      await expect(therapist.getByTestId("booking-status")).toHaveText("Confirmed");
      await expect(therapist.getByRole("button", { name: "Cancel this session" })).toBeVisible();

      const emails = await readEmails(email, { count: 3 });
      const confirmation = emails.find((sent) => sent.subject === "Your appointment is confirmed");
      expect(confirmation).toBeDefined();
      expect(`${confirmation!.html}${confirmation!.text}`).not.toContain("private</b> reason");
      const event = icsEventOf(confirmation!);
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(bookedAt!).toISOString());
      await therapist.context().close();
    });
  });
}

test.describe("with JavaScript", () => {
  test.use({ timezoneId: "Europe/London" });

  test("declining with a note: the visitor's email carries the note", async ({ page, browser }, testInfo) => {
    test.setTimeout(60_000);
    const name = uniqueName("Dana Decline");
    const email = uniqueEmail("decline-me");
    await visitorBooks(page, { name, email, day: 6 });
    await readEmails(email, { count: 2 });

    const therapist = await pageFromAnotherAddress(browser);
    await signInAsTherapist(therapist, therapistFor(testInfo));
    await therapist.goto("/admin/requests?status=requested");
    await therapist.getByRole("link", { name }).click();
    const note = `Please try the state directory ${Date.now()}.`;
    await therapist.getByLabel("Note to the client").fill(note);
    await therapist.getByRole("button", { name: "Decline" }).click();
    await expect(therapist.getByTestId("booking-status")).toHaveText("Declined");
    await expect(therapist.getByText("Nothing left to do here.")).toBeVisible();

    const emails = await readEmails(email, { count: 3 });
    const declined = emails.find((sent) => sent.subject === "About your appointment request");
    expect(declined).toBeDefined();
    expect(declined!.text).toContain(note);
    await therapist.context().close();
  });

  test("availability: a day off disappears from /book and the preview, comes back when removed; the calendar feed is made and revoked", async ({ page, browser, request }, testInfo) => {
    test.setTimeout(60_000);
    const therapist = await pageFromAnotherAddress(browser);
    await signInAsTherapist(therapist, therapistFor(testInfo));
    await therapist.goto("/admin/availability");
    await expect(therapist.getByRole("heading", { level: 1, name: "Availability" })).toBeVisible();
    await expectAccessible(therapist);
    // The last previewed day: far enough out that no other test books on it.
    const day = (await therapist.getByTestId("preview-intake").locator("[data-day]").last().getAttribute("data-day"))!;
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.goto(`/book?type=intake&tz=America/Los_Angeles&where=OR&month=${day.slice(0, 7)}`);
    await expect(page.locator(`.day-list a[href*="day=${day}"]`)).toHaveCount(1);

    // A row with one time only is refused beside the empty one, keeping what was typed.
    const from = therapist.locator("#override-ranges-0-start");
    await from.fill("14:00");
    await therapist.getByLabel("Day", { exact: true }).fill(day);
    await therapist.getByRole("button", { name: "Save that day's hours" }).click();
    await expect(therapist.locator("#override-ranges-0-end-error")).toBeVisible();
    await expect(from).toHaveValue("14:00");
    await expect(therapist.locator("#override-ranges-0-end")).toHaveAttribute("aria-invalid", "true");

    await therapist.getByLabel("First day off").fill(day);
    await therapist.getByLabel("Last day off").fill(day);
    await therapist.getByRole("button", { name: "Add time off" }).click();
    await expect(therapist.getByText("Time off added.")).toBeVisible();
    await expect(therapist.getByTestId("preview-intake").locator(`[data-day="${day}"]`)).toHaveCount(0);

    await page.goto(`/book?type=intake&tz=America/Los_Angeles&where=OR&month=${day.slice(0, 7)}`);
    await expect(page.locator(".day-list a").first()).toBeVisible();
    await expect(page.locator(`.day-list a[href*="day=${day}"]`)).toHaveCount(0);

    // Named in words: "Remove time off Thu 24 Dec".
    await therapist.getByRole("button", { name: `Remove time off ${formatDayRange(day, day, { thisYear: new Date().getFullYear() })}` }).click();
    await expect(therapist.getByTestId("preview-intake").locator(`[data-day="${day}"]`)).toHaveCount(1);
    await page.goto(`/book?type=intake&tz=America/Los_Angeles&where=OR&month=${day.slice(0, 7)}`);
    await expect(page.locator(`.day-list a[href*="day=${day}"]`)).toHaveCount(1);

    // The private calendar feed: shown once, works, then stops working when turned off.
    await therapist.getByRole("button", { name: /Make a feed address|Replace the feed address/ }).click();
    const url = (await therapist.getByTestId("feed-url").inputValue()).trim();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    // Shown in a field to select, with a Copy button that puts it on the clipboard.
    await therapist.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await therapist.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(therapist.getByText("Copied.")).toBeVisible();
    expect(await therapist.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const feed = await request.get(new URL(url).pathname);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    await therapist.reload();
    await expect(therapist.getByTestId("feed-url")).toHaveCount(0);
    await therapist.getByRole("button", { name: "Turn the feed off" }).click();
    await expect(therapist.getByTestId("feed-status")).toHaveText("No feed is on.");
    expect((await request.get(new URL(url).pathname)).status()).toBe(404);
    await therapist.context().close();
  });

  test("the booking rooms work at 320 px without sideways scrolling", async ({ page }, testInfo) => {
    await signInAsTherapist(page, therapistFor(testInfo));
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ["/admin", "/admin/requests", "/admin/availability"]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
  });
});
