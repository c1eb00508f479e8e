import { createHmac, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, expectAccessible, linkIn, readEmails, test, uniqueEmail, type SentEmail } from "./fixtures";
import { pdfText } from "./fixtures/pdf-text";
import { E2E_WEBHOOK_SECRET } from "./fixtures/webhook-secret";
import type { Page } from "@playwright/test";

const PROMPTS_TITLE = "Noticing Your Attachment Patterns";

async function subscribeOnNewsletterPage(page: Page, email: string, firstName = "Robin") {
  await page.goto("/newsletter");
  const form = page.locator("#subscribe");
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("First name (optional)").fill(firstName);
  await form.getByLabel(/Email me the newsletter/).check();
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
}

/** Subscribes, confirms from the emailed link, and returns the welcome email. */
async function subscribeAndConfirm(page: Page, email: string): Promise<SentEmail> {
  await subscribeOnNewsletterPage(page, email);
  const [confirmation] = await readEmails(email);
  await page.goto(linkIn(confirmation!, /\/newsletter\/confirm\//));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();
  const emails = await readEmails(email, { count: 2 });
  return emails.find((sent) => sent.subject.startsWith("Welcome"))!;
}

const footerForm = (page: Page) => page.getByRole("form", { name: "Newsletter and freebies" });

for (const javaScriptEnabled of [true, false]) {
  test.describe(`newsletter, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("subscribe, confirm from the email, open the library, download a PDF, leave in one click, find the library closed", async ({
      page,
      playwright,
      baseURL,
    }) => {
      const foreign: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).origin !== new URL(baseURL!).origin) foreign.push(request.url());
      });
      const email = uniqueEmail("subscriber");
      await page.goto("/newsletter");
      if (javaScriptEnabled) await expectAccessible(page);
      await subscribeOnNewsletterPage(page, email);
      if (javaScriptEnabled) await expectAccessible(page);

      const [confirmation] = await readEmails(email);
      expect(confirmation!.from).toBe("Still Water Therapy <newsletter@stillwater.example>");
      expect(`${confirmation!.html}${confirmation!.text}`).not.toContain("Robin");
      const confirmUrl = linkIn(confirmation!, /\/newsletter\/confirm\/[A-Za-z0-9_-]{43}$/);

      // Opening the link (what a mail scanner does) confirms nothing: it asks.
      await page.goto(confirmUrl);
      await expect(page.getByRole("heading", { name: "Confirm your subscription" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
      await page.getByRole("button", { name: "Confirm" }).click();
      await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);

      const welcome = (await readEmails(email, { count: 2 })).find((sent) => sent.subject.startsWith("Welcome"))!;
      expect(welcome.text).toContain("Welcome to");
      expect(welcome.text).not.toContain("Robin");
      expect(welcome.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(welcome.headers["List-Id"]).toContain("<newsletter.stillwater.example>");
      const oneClick = /^<(http:\/\/localhost:\d+\/api\/newsletter\/unsubscribe\/[A-Za-z0-9_-]{43})>$/.exec(welcome.headers["List-Unsubscribe"] ?? "")?.[1];
      expect(oneClick).toBeTruthy();
      expect(linkIn(welcome, /\/newsletter\/unsubscribe\//)).toMatch(/\/newsletter\/unsubscribe\/[A-Za-z0-9_-]{43}$/);

      // The welcome email's link opens the library on a browser that has nothing else.
      await page.context().clearCookies();
      await page.goto(linkIn(welcome, /\/freebies\/access\//));
      await expect(page).toHaveURL(/\/freebies\/library$/);
      await expect(page.getByRole("heading", { level: 1, name: "Your library" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
      const cookie = (await page.context().cookies()).find((candidate) => candidate.name.endsWith("attune-library"));
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: PROMPTS_TITLE }) });
      const downloading = page.waitForEvent("download");
      await card.getByRole("link", { name: "Download the PDF" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe("noticing-your-attachment-patterns.pdf");
      const pages = await pdfText(new Uint8Array(await readFile((await download.path())!)));
      expect(pages[0]).toContain(PROMPTS_TITLE);
      expect(pages.length).toBeGreaterThan(1);

      // One click from a mail provider: no cookie, no redirect followed, answered 200.
      const provider = await playwright.request.newContext();
      const response = await provider.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
      expect(response.status()).toBe(200);
      await provider.dispose();

      await page.goto("/freebies/library");
      await expect(page.getByRole("heading", { level: 1, name: "The library is for subscribers" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
      const refused = await page.request.get("/freebies/library/download/noticing-your-attachment-patterns", { maxRedirects: 0 });
      expect(refused.status()).toBe(303);
      expect(refused.headers()["content-type"] ?? "").not.toContain("pdf");
      expect(foreign).toEqual([]);
    });

    test("the footer form subscribes in place from any page: the answer takes the form's place", async ({ page }) => {
      const email = uniqueEmail("footer");
      await page.goto("/privacy");
      const form = footerForm(page);
      await form.getByLabel("Email", { exact: true }).fill(email);
      await form.getByLabel(/Email me the newsletter/).check();
      await form.getByRole("button", { name: "Subscribe" }).click();
      // She stays where she was: the same page, at the answer.
      const answer = page.locator("#footer-subscribe-answer");
      await expect(answer.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
      await expect(page).toHaveURL(/\/privacy(#footer-subscribe-answer)?$/);
      await expect(page.getByRole("heading", { level: 1, name: /Privacy/ })).toBeAttached();
      await expect(answer).toBeFocused();
      if (javaScriptEnabled) await expectAccessible(page);
      const [confirmation] = await readEmails(email);
      expect(confirmation!.subject).toBe("Please confirm your subscription");

      // Signing up again at once sends nothing more, and says the same.
      await page.goto("/");
      await footerForm(page).getByLabel("Email", { exact: true }).fill(email);
      await footerForm(page).getByLabel(/Email me the newsletter/).check();
      await footerForm(page).getByRole("button", { name: "Subscribe" }).click();
      await expect(page.locator("#footer-subscribe-answer").getByRole("heading", { name: "Check your inbox" })).toBeVisible();
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(await readEmails(email)).toHaveLength(1);
    });

    test("a footer signup the server refuses shows the problem beside the field, in the footer, keeping what was typed", async ({ page }) => {
      await page.goto("/");
      const form = footerForm(page);
      // The browser's own check would stop "robin@example" going out; the server's is tested here.
      await form.evaluate((element: HTMLFormElement) => (element.noValidate = true));
      await form.getByLabel("Email", { exact: true }).fill("robin@example");
      await form.getByLabel("First name (optional)").fill("Robin");
      await form.getByRole("button", { name: "Subscribe" }).click();
      const refused = footerForm(page);
      await expect(refused.getByRole("alert")).toContainText("2 answers need your attention");
      await expect(refused.locator("#footer-subscribe-email-error")).toHaveText(/email address like name@example.com/);
      await expect(refused.locator("#footer-subscribe-consent-error")).toHaveText(/Please agree/);
      await expect(refused.getByLabel("Email", { exact: true })).toHaveValue("robin@example");
      await expect(refused.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expect(refused.getByLabel("First name (optional)")).toHaveValue("Robin");
      if (javaScriptEnabled) await expectAccessible(page);

      const email = uniqueEmail("corrected");
      await refused.getByLabel("Email", { exact: true }).fill(email);
      await refused.getByLabel(/Email me the newsletter/).check();
      await refused.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.locator("#footer-subscribe-answer").getByRole("heading", { name: "Check your inbox" })).toBeVisible();
      await readEmails(email);
    });

    test("the unsubscribe link in an email asks first, then unsubscribes at once", async ({ page }) => {
      const email = uniqueEmail("leaving");
      const welcome = await subscribeAndConfirm(page, email);
      await page.goto("/freebies/library");
      await expect(page.getByRole("heading", { level: 1, name: "Your library" })).toBeVisible();

      await page.goto(linkIn(welcome, /\/newsletter\/unsubscribe\//));
      await expect(page.getByRole("heading", { name: "Unsubscribe from the newsletter?" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
      await page.getByRole("button", { name: "Unsubscribe" }).click();
      await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
      await page.goto("/freebies/library");
      await expect(page.getByRole("heading", { level: 1, name: "The library is for subscribers" })).toBeVisible();
      await page.goto(linkIn(welcome, /\/newsletter\/unsubscribe\//));
      await expect(page.getByRole("heading", { name: "You are already unsubscribed" })).toBeVisible();
    });

    test("a returning subscriber asks for a new link and gets back in", async ({ page }) => {
      const email = uniqueEmail("returning");
      await subscribeAndConfirm(page, email);
      await page.context().clearCookies();
      await page.goto("/freebies/library");
      await page.getByLabel("Your subscribed email address").fill(email);
      await page.getByRole("button", { name: "Email me a new link" }).click();
      await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
      const link = (await readEmails(email, { count: 3 })).find((sent) => sent.subject === "Your link to the library")!;
      await page.goto(linkIn(link, /\/freebies\/access\//));
      await expect(page.getByRole("heading", { level: 1, name: "Your library" })).toBeVisible();

      // Any other address gets the same answer, and no email.
      const stranger = uniqueEmail("stranger");
      await page.context().clearCookies();
      await page.goto("/freebies/library");
      await page.getByLabel("Your subscribed email address").fill(stranger);
      await page.getByRole("button", { name: "Email me a new link" }).click();
      await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    });
  });
}

test("forged or altered links get a clear page and open nothing", async ({ page, request }) => {
  const forged = "A".repeat(43);
  await page.goto(`/freebies/access/${forged}`);
  await expect(page).toHaveURL(/\/freebies\/link-expired$/);
  await expect(page.getByRole("heading", { level: 1, name: "This library link can no longer be used" })).toBeVisible();
  await expectAccessible(page);
  expect((await page.context().cookies()).filter((cookie) => cookie.name.endsWith("attune-library"))).toEqual([]);

  await page.goto(`/newsletter/confirm/${forged}`);
  await expect(page.getByRole("heading", { level: 1, name: "This link can no longer be used" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/newsletter/unsubscribe/${forged}`);
  await expect(page.getByRole("heading", { level: 1, name: "This unsubscribe link is not valid" })).toBeVisible();
  await expectAccessible(page);

  const download = await request.get("/freebies/library/download/noticing-your-attachment-patterns", { maxRedirects: 0 });
  expect(download.status()).toBe(303);
  expect(download.headers().location).toMatch(/\/freebies\/library$/);
  const oneClick = await request.post(`/api/newsletter/unsubscribe/${forged}`, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  const noBody = await request.post(`/api/newsletter/unsubscribe/${forged}`, { form: { other: "x" } });
  expect(noBody.status()).toBe(400);
});

test("the freebies and newsletter pages are accessible, list what subscribers get, and fit 320 px", async ({ page }) => {
  await page.goto("/freebies");
  await expect(page.getByRole("heading", { level: 1, name: "Freebies for subscribers" })).toBeVisible();
  await expect(page.getByRole("heading", { name: PROMPTS_TITLE })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download the PDF" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Freebies" }).click();
  await expect(page).toHaveURL(/\/freebies$/);

  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/freebies", "/newsletter", "/freebies/library", "/freebies/link-expired"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    await expectAccessible(page);
  }
});

test("the Resend webhook refuses a wrong signature and suppresses a bounced address", async ({ page, request }) => {
  const sign = (body: string, key: Buffer) => {
    const id = `msg_${randomUUID()}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
    return { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}`, "content-type": "application/json" };
  };
  const askForLink = async (email: string) => {
    await page.context().clearCookies();
    await page.goto("/freebies/library");
    await page.getByLabel("Your subscribed email address").fill(email);
    await page.getByRole("button", { name: "Email me a new link" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  };
  const email = uniqueEmail("bouncing");
  const welcome = await subscribeAndConfirm(page, email);
  const body = JSON.stringify({ type: "email.bounced", created_at: new Date().toISOString(), data: { email_id: welcome.id, to: [email] } });

  const forged = await request.post("/api/webhooks/resend", { data: body, headers: sign(body, Buffer.from("not-the-secret")) });
  expect(forged.status()).toBe(400);
  // Nothing changed: the address still gets a library link on request.
  await askForLink(email);
  await readEmails(email, { count: 3 });

  const key = Buffer.from(E2E_WEBHOOK_SECRET.slice("whsec_".length), "base64");
  const genuine = await request.post("/api/webhooks/resend", { data: body, headers: sign(body, key) });
  expect(genuine.status()).toBe(200);
  // Suppressed: the answer stays the same, but nothing more is sent.
  await askForLink(email);
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  // Counted by kind: a broadcast from another test running alongside may also reach this subscriber.
  const libraryLinks = (await readEmails(email, { count: 3 })).filter((sent) => sent.subject === "Your link to the library");
  expect(libraryLinks).toHaveLength(1);
});
