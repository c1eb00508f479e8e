import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, linkIn, readEmails, test, uniqueEmail } from "./fixtures";
import { visitorBooks } from "./fixtures/book-visit";
import { pageFromAnotherAddress, signInAsTherapist, therapistFor } from "./fixtures/therapist";
import { visitorSends } from "./fixtures/visitor";

/*
 * The therapist's week (issue 13, parts 2 and 3): replying from a message's
 * or a request's page, the request in words with a note on confirming, the
 * audit log in words, the menu at 320 px, and the newsletter: line breaks,
 * scheduling, the series by email.
 */

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Signs up through /newsletter and confirms from the emailed link, choosing the series or not. */
async function subscribeAndConfirm(browser: Browser, email: string, { series, javaScriptEnabled }: { series: boolean; javaScriptEnabled: boolean }) {
  const page = await pageFromAnotherAddress(browser, { javaScriptEnabled });
  await page.goto("/newsletter");
  const form = page.locator("#subscribe");
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel(/Email me the newsletter/).check();
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const [confirmation] = await readEmails(email);
  await page.goto(linkIn(confirmation!, /\/newsletter\/confirm\//));
  if (series) await page.getByLabel(/Also send me the four-part series/).check();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();
  await page.context().close();
}

/** Sends a reply from the page it stands on; returns the fields the form posted, to post them again. */
async function writeReply(page: Page, text: string) {
  await page.getByLabel("Your reply").fill(text);
  const form = page.locator("form").filter({ has: page.getByLabel("Your reply") });
  const posted = await form.evaluate((element: HTMLFormElement) => Object.fromEntries([...new FormData(element)].map(([name, value]) => [name, String(value)])));
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your reply is on its way." })).toBeVisible();
  return posted;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the therapist's week, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });
    // Each is a whole journey (a visitor, her sign-in, several pages, email), with an axe run.
    test.describe.configure({ timeout: 90_000 });

    test("she replies to a message from its page; the visitor gets her words only, and the log says it in words, one opening a visit", async ({ page, browser }, testInfo) => {
      const name = unique("Ada Replyto");
      const visitorEmail = uniqueEmail("reply");
      const visitor = await pageFromAnotherAddress(browser);
      await visitorSends(visitor, { name, email: visitorEmail, message: "First line about sleep\nprivate-detail-marker in the second line" });
      await visitor.context().close();
      await readEmails(visitorEmail);

      await signInAsTherapist(page, therapistFor(testInfo));
      await page.goto("/admin/messages");
      const row = page.getByRole("row").filter({ hasText: name });
      await expect(row).toContainText("First line about sleep");
      await expect(row).not.toContainText("private-detail-marker");
      await row.getByRole("link", { name }).click();
      await expect(page.getByText("No reply yet.")).toBeVisible();

      // A refusal keeps her on the page with the message beside the field.
      await page.getByLabel("Your reply").fill("   ");
      await page.getByRole("button", { name: "Send reply" }).click();
      await expect(page.getByText("Please write your reply.")).toBeVisible();

      const sentForm = await writeReply(page, "Thank you for writing.\nI have a Tuesday opening.\n\nWarmly,\nMaya");
      const reply = page.getByTestId("reply");
      await expect(reply).toHaveCount(1);
      if (!javaScriptEnabled) {
        // The answer is a page drawn after a post: reloading it posts the same form again, which must send nothing twice.
        const again = await page.request.post(page.url(), { multipart: sentForm, headers: { origin: new URL(page.url()).origin } });
        expect(again.status()).toBe(200);
        expect(await again.text()).toContain("Your reply is on its way.");
        await page.reload();
        await expect(reply).toHaveCount(1);
      }
      await expect(reply).toContainText("I have a Tuesday opening.");
      await expect(page.getByTestId("reply-delivery")).toHaveText(/Waiting to be sent|Sent|Delivered/);
      await expect(page.getByLabel("Your reply")).toHaveValue("");
      // axe runs in the page, which needs its scripts.
      if (javaScriptEnabled) await expectAccessible(page);

      const emails = await readEmails(visitorEmail, { count: 2 });
      const sent = emails.find((email) => email.subject === "A reply to your message")!;
      expect(sent.from).toMatch(/hello@stillwater\.example/);
      expect(sent.text).toContain("I have a Tuesday opening.");
      expect(sent.html).toMatch(/Warmly,<br\/?>Maya/);
      for (const typed of ["private-detail-marker", "First line about sleep", name]) expect(`${sent.html}${sent.text}`).not.toContain(typed);

      // The page a moment later shows it sent.
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId("reply-delivery")).toHaveText(/^(Sent|Delivered)$/, { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      // Sent once, the posted-again page included.
      expect((await readEmails(visitorEmail)).filter((email) => email.subject === "A reply to your message")).toHaveLength(1);

      await page.goto("/admin/audit");
      const entries = page.getByRole("row").filter({ hasText: `message from ${name}` });
      await expect(entries.filter({ hasText: "Replied" })).toHaveCount(1);
      // Opened, replied, and the pages that followed: one opening.
      await expect(entries.filter({ hasText: "Opened" })).toHaveCount(1);
      await expect(page.locator("tbody")).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    });

    test("a request reads in words; she confirms it with a note of her own and replies to it", async ({ page, browser }, testInfo) => {
      const name = unique("Bea Request");
      const visitorEmail = uniqueEmail("request");
      const visitor = await pageFromAnotherAddress(browser);
      await visitorBooks(visitor, { name, email: visitorEmail, day: javaScriptEnabled ? 3 : 4 });
      await visitor.context().close();
      // "Please confirm your appointment time", then "request received".
      const before = (await readEmails(visitorEmail, { count: 2 })).length;

      await signInAsTherapist(page, therapistFor(testInfo));
      await page.goto("/admin/requests?status=requested");
      await page.getByRole("link", { name }).first().click();
      await expect(page.locator("dd").filter({ hasText: "The blog on this website" })).toBeVisible();
      await expect(page.locator("dl.details").filter({ hasText: "The blog on this website" })).not.toContainText(/^blog$/m);

      await page.getByLabel("Note to the client").fill("Parking is behind the building.");
      await page.getByRole("button", { name: "Confirm", exact: true }).click();
      await expect(page.getByTestId("booking-status")).toHaveText("Confirmed");
      const confirmed = (await readEmails(visitorEmail, { count: before + 1 })).find((email) => email.subject === "Your appointment is confirmed")!;
      expect(confirmed.text).toContain("Parking is behind the building.");

      await writeReply(page, "Looking forward to meeting you.");
      await expect(page.getByTestId("reply")).toContainText("Looking forward to meeting you.");
      const replies = (await readEmails(visitorEmail, { count: before + 2 })).filter((email) => email.subject === "A reply to your message");
      expect(replies).toHaveLength(1);
    });

    test("at 320 px the private menu is one disclosure that opens", async ({ page }, testInfo) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await signInAsTherapist(page, therapistFor(testInfo));
      await page.goto("/admin");
      const nav = page.getByRole("navigation", { name: "Private area" });
      await expect(nav.getByRole("link", { name: "Messages" })).toBeHidden();
      // One line, not nine links wrapped over three.
      expect((await nav.boundingBox())!.height).toBeLessThan(60);
      await nav.getByText("Menu", { exact: true }).click();
      await nav.getByRole("link", { name: "Messages" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Audit log" })).toBeHidden();
    });

    test("on a wide screen the menu is simply there", async ({ page }, testInfo) => {
      await signInAsTherapist(page, therapistFor(testInfo));
      await page.goto("/admin");
      const nav = page.getByRole("navigation", { name: "Private area" });
      await expect(nav.getByText("Menu", { exact: true })).toBeHidden();
      await nav.getByRole("link", { name: "Audit log" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    });

    test("the newsletter keeps her line breaks, can be scheduled and cancelled, and the series goes to who chose it", async ({ page, browser }, testInfo) => {
      const reader = uniqueEmail("series");
      await subscribeAndConfirm(browser, reader, { series: true, javaScriptEnabled });
      const [part1] = (await readEmails(reader, { count: 3 })).filter((email) => email.subject === "The attachment bond, part 1 of 4");
      expect(part1).toBeTruthy();
      expect(linkIn(part1!, /\/blog\//)).toMatch(/\/blog\/secure-attachment-with-your-baby$/);

      await signInAsTherapist(page, therapistFor(testInfo));
      await page.goto("/admin/newsletter");
      await expect(page.getByTestId("series-totals")).toContainText(/\d+ subscribers? (is|are) receiving The attachment bond/);
      if (javaScriptEnabled) await expectAccessible(page);

      const subject = unique("Winter note");
      await page.getByLabel("Subject").fill(subject);
      await page.getByLabel("The newsletter").fill("Thank you for reading.\n\nWarmly,\nMaya");
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();

      // A time already gone is refused beside the field, keeping the form.
      const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
      await page.getByLabel("Day and time to send").fill(`${yesterday.toISOString().slice(0, 10)}T09:30`);
      await page.getByRole("button", { name: "Schedule" }).click();
      await expect(page.locator("#schedule-sendAt-error")).toHaveText(/at least a few minutes from now/);
      await expect(page.locator("#schedule-notice")).toContainText("One answer needs your attention");

      // A month from now, at 9:30 on the practice's clock.
      const day = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
      await page.getByLabel("Day and time to send").fill(`${day.toISOString().slice(0, 10)}T09:30`);
      await page.getByRole("button", { name: "Schedule" }).click();
      const shown = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(day);
      await expect(page.getByTestId("schedule")).toContainText(`${shown}, 9:30`);
      await page.getByRole("button", { name: "Cancel the schedule" }).click();
      await expect(page.getByText("The schedule is cancelled; the issue is a draft again.")).toBeVisible();
      await expect(page.getByLabel("Day and time to send")).toBeVisible();

      // Unconfirmed, nothing goes: the box says why, beside itself.
      await page.getByRole("button", { name: "Send to all subscribers" }).click();
      await expect(page.locator("#send-confirm-error")).toHaveText("Please tick the box to confirm before sending to every subscriber.");
      await page.getByLabel(/Send this issue now to all \d+ confirmed subscribers?/).check();
      await page.getByRole("button", { name: "Send to all subscribers" }).click();
      await expect(page.getByTestId("deliveries")).toBeVisible({ timeout: 15_000 });
      const copy = (await readEmails(reader, { count: 4, timeout: 20_000 })).find((email) => email.subject === subject)!;
      expect(copy.html).toMatch(/Warmly,<br\/?>Maya/);
      expect(copy.text).toMatch(/Warmly,\n+Maya/);
    });
  });
}
