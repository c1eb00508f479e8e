import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, linkIn, readEmails, test, uniqueEmail } from "./fixtures";
import { pageFromAnotherAddress, signInAsTherapist, therapistFor } from "./fixtures/therapist";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/**
 * axe on a page that shows an email in a sandboxed iframe: the frame runs no
 * script, so axe cannot enter it (it would wait forever); the email's own
 * markup is the email templates' concern.
 */
async function expectAccessibleAroundEmail(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .exclude("iframe.email-frame")
    .options({ iframes: false })
    .analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** A real subscriber: the public signup, then the confirmation link from the email the tests' Resend server received. */
async function confirmedSubscriber(browser: Browser, email: string, firstName: string) {
  const page = await pageFromAnotherAddress(browser);
  await page.goto("/newsletter");
  const form = page.locator("#subscribe");
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("First name (optional)").fill(firstName);
  await form.getByLabel(/Email me the newsletter/).check();
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const [confirmation] = await readEmails(email);
  await page.goto(linkIn(confirmation!, /\/newsletter\/confirm\//));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();
  await page.context().close();
}

test("compose, preview, test, send to every confirmed subscriber once, see the history; export and erase subscribers", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const formulaName = "=SUM(A1:A9)";
  const readers = [
    { email: uniqueEmail("reader-a"), firstName: formulaName },
    { email: uniqueEmail("reader-b"), firstName: "Robin" },
    { email: uniqueEmail("reader-c"), firstName: "Sam" },
  ];
  for (const reader of readers) await confirmedSubscriber(browser, reader.email, reader.firstName);

  const therapist = therapistFor(testInfo);
  await signInAsTherapist(page, therapist);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Private area" }).getByRole("link", { name: "Newsletter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Newsletter" })).toBeVisible();
  await expectAccessible(page);

  const subject = unique("Winter notes");
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("The newsletter").fill("Hello from the practice.\n\nA **calm** December to you.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const frame = page.frameLocator("iframe.email-frame");
  await expect(frame.locator("body")).toContainText("A calm December to you.");
  await expectAccessibleAroundEmail(page);

  await page.getByRole("button", { name: "Send me a test" }).click();
  await expect(page.getByText("A test is on its way to your address.")).toBeVisible();
  const testEmail = await (async () => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const found = (await readEmails(therapist, { count: 0 })).find((email) => email.subject === `[Test] ${subject}`);
      if (found) return found;
      await page.waitForTimeout(200);
    }
    throw new Error("The test issue never reached the therapist");
  })();
  expect(testEmail.text).toContain("A calm December to you.");

  const confirm = page.getByLabel(/Send this issue now to all \d+ confirmed subscribers?/);
  const total = Number(/all (\d+) confirmed/.exec((await confirm.locator("xpath=..").innerText()) ?? "")?.[1]);
  expect(total).toBeGreaterThanOrEqual(readers.length);
  await confirm.check();
  await page.getByRole("button", { name: "Send to all subscribers" }).click();
  await expect(page.getByTestId("progress")).toHaveText(/Sent \d+ of \d+/);

  for (const reader of readers) {
    const received = await (async () => {
      for (let attempt = 0; attempt < 75; attempt += 1) {
        const mine = (await readEmails(reader.email, { count: 0 })).filter((email) => email.subject === subject);
        if (mine.length > 0) return mine;
        await page.waitForTimeout(200);
      }
      return [];
    })();
    expect(received, reader.email).toHaveLength(1);
    expect(received[0]!.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:\d+\/api\/newsletter\/unsubscribe\/[A-Za-z0-9_-]{43}>$/);
    expect(received[0]!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  }
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("progress")).toHaveText(/^Sent (\d+) of \1\.$/, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  // Exactly once, still: nothing arrived twice while the broadcast finished.
  for (const reader of readers) expect((await readEmails(reader.email, { count: 0 })).filter((email) => email.subject === subject)).toHaveLength(1);

  await page.getByRole("link", { name: "← Newsletter" }).click();
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row.getByRole("cell").nth(2)).toHaveText("Sent");
  const recipients = await row.getByRole("cell").nth(3).innerText();
  expect(Number(recipients)).toBeGreaterThanOrEqual(readers.length);
  await expect(row.getByRole("cell").nth(4)).toHaveText(recipients);

  // The subscribers room: totals, search, CSV export, erase.
  await page.getByRole("navigation", { name: "Private area" }).getByRole("link", { name: "Subscribers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Subscribers" })).toBeVisible();
  await expect(page.getByTestId("totals")).toContainText("Last 30 days");
  await expectAccessible(page);
  await page.getByLabel("Email address or first name").fill(readers[0]!.email);
  await page.getByRole("button", { name: "Search" }).click();
  // By POST: the address searched for is in no URL, so in no log or history.
  await expect(page).toHaveURL(/\/admin\/subscribers$/);
  const subscriberRow = page.getByRole("row").filter({ hasText: readers[0]!.email });
  await expect(subscriberRow).toContainText("Confirmed");
  await expect(subscriberRow).toContainText("Newsletter page");
  await expect(subscriberRow.getByRole("cell").nth(1)).toHaveText(formulaName);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^subscribers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const line = csv.split("\r\n").find((candidate) => candidate.includes(readers[0]!.email))!;
  expect(line).toContain(`"'${formulaName}"`);
  expect(line).not.toContain(`,"${formulaName}"`);

  await subscriberRow.getByRole("button", { name: `Erase ${readers[0]!.email}` }).click();
  await expect(page.getByRole("status")).toContainText("The subscriber was erased");
  await page.getByLabel("Email address or first name").fill(readers[0]!.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/admin\/subscribers$/);
  await expect(page.getByRole("row").filter({ hasText: readers[0]!.email })).toHaveCount(0);

  await page.goto("/admin/audit");
  await expect(page.getByRole("row").filter({ hasText: "Exported" }).first()).toContainText("subscriber");
  await expect(page.getByRole("row").filter({ hasText: "Sent a newsletter" }).first()).toBeVisible();
  await expect(page.locator("body")).not.toContainText(readers[0]!.email);
});

test.describe("the compose form, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a refused draft keeps what was typed; a corrected one is saved and shown as the email", async ({ page }, testInfo) => {
    await signInAsTherapist(page, therapistFor(testInfo));
    await page.goto("/admin/newsletter");
    await page.getByLabel("The newsletter").fill("A body <b>with markup</b> kept as typed.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.locator("#subject-error")).toHaveText(/Please write a subject/);
    await expect(page.getByLabel("The newsletter")).toHaveValue("A body <b>with markup</b> kept as typed.");

    const subject = unique("No-script issue");
    await page.getByLabel("Subject").fill(subject);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    await expect(page.frameLocator("iframe.email-frame").locator("body")).toContainText("kept as typed.");

    await page.getByLabel("Subject").fill(`${subject} (edited)`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${subject} (edited)` })).toBeVisible();
    await expect(page.getByText("Saved.")).toBeVisible();
  });

  test("announce a post: a draft prefilled from a published post", async ({ page }, testInfo) => {
    await signInAsTherapist(page, therapistFor(testInfo));
    await page.goto("/admin/newsletter");
    const select = page.getByLabel("Published post");
    const title = (await select.locator("option").first().innerText()).replace(/ \(\d{4}-\d{2}-\d{2}\)$/, "");
    await page.getByRole("button", { name: "Draft an announcement" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `New post: ${title}` })).toBeVisible();
    await expect(page.getByLabel("The newsletter")).toHaveValue(/\[Read “.+”\]\(\/blog\/[a-z0-9-]+\)/);
  });
});

test("the newsletter rooms are usable at 320 px", async ({ page }, testInfo) => {
  await signInAsTherapist(page, therapistFor(testInfo));
  await page.goto("/admin/newsletter");
  await page.getByLabel("Subject").fill(unique("Narrow screen"));
  await page.getByLabel("The newsletter").fill("W".repeat(400));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("button", { name: "Send me a test" })).toBeVisible();
  const issueUrl = new URL(page.url()).pathname;
  await page.setViewportSize({ width: 320, height: 640 });
  for (const url of ["/admin/newsletter", issueUrl, "/admin/subscribers"]) {
    await page.goto(url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
  }
});
