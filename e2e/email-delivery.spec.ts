import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import type { Page } from "@playwright/test";
import { serverEnv } from "../playwright.config";
import { chooseTime, codeIn, fillIntake, typeCode } from "./fixtures/book-visit";
import { expect, linkIn, readEmails, test, uniqueEmail, type SentEmail } from "./fixtures";
import { therapistFor } from "./fixtures/therapist";

/*
 * Every email a request queues goes out right after its response, with no
 * sweep behind it: this file starts a server of its own whose sweep is off
 * (OUTBOX_SWEEP_INTERVAL_SECONDS=0), so only the delivery enqueueEmail
 * arranges with Next's after() can send anything, and each journey must see
 * its email within two seconds. An end-to-end server rather than an
 * integration test because after() is honoured only inside a real request.
 *
 * The journeys are found from the templates: every email in emails/index.ts
 * is either made by a journey below or named as the sweep's alone, so a new
 * email fails the first test until it has a journey here.
 */

/** Emails only the sweep queues: a clock, not a request, makes them due. */
const SWEEP_ONLY = {
  "booking-expired": "a request the therapist did not answer in time lapses in the sweep",
  "booking-reminder": "the sweep queues a reminder as a session draws near",
  "calendar-failing": "a calendar that has failed for over an hour: the sweep tells her, once a day at most",
  "therapist-summary": "the therapist's summary waits in the outbox until her ten-minute window closes",
  "waitlist-stay": "a week before a place on the waitlist ends, the sweep asks whether to stay",
} as const;

/** The journey in this file that makes each email go out. */
const JOURNEYS = {
  "contact-acknowledgement": "a visitor writes",
  "contact-notification": "a visitor writes",
  "newsletter-confirmation": "a visitor subscribes",
  "newsletter-welcome": "the subscriber confirms",
  "newsletter-series-part": "the subscriber confirms, choosing the series",
  "newsletter-library-link": "the subscriber asks for a new library link",
  "booking-hold": "a visitor asks for a time",
  "booking-requested": "the visitor confirms the held time",
  "booking-notification": "the visitor confirms the held time",
  "booking-rescheduled": "the visitor moves the booking",
  "booking-cancelled": "the visitor cancels the booking",
  "sign-in-link": "the therapist asks for a sign-in link",
  "booking-confirmed": "the therapist confirms a request",
  "booking-declined": "the therapist declines a request",
  "practice-reply": "the therapist replies to a message",
  "newsletter-issue": "the therapist sends herself a test issue",
  "waitlist-code": "a visitor joins the waitlist",
  "waitlist-joined": "a visitor joins the waitlist",
  "waitlist-offer": "the therapist offers a waiting visitor a time by hand",
} as const;

type Template = keyof typeof JOURNEYS;

const PORT = Number(process.env.E2E_APP_PORT ?? 3100) + 2;
const APP_URL = `http://localhost:${PORT}`;
const PGLITE_DIR = ".data/e2e-prompt-delivery";
const PRACTICE_ADDRESS = "maya@stillwater.example";
const WITHIN_MS = 2_000;

function templatesInEmails(): string[] {
  const source = readFileSync("emails/index.ts", "utf8");
  return [...source.matchAll(/^ {2}"([a-z-]+)": template[<(]/gm)].map((match) => match[1]!).sort();
}

test("every email is either sent by a journey in this file or by the sweep alone", () => {
  const templates = templatesInEmails();
  expect(templates.length).toBeGreaterThanOrEqual(18);
  expect([...Object.keys(JOURNEYS), ...Object.keys(SWEEP_ONLY)].sort()).toEqual(templates);
});

test.describe("with the sweep off", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ baseURL: APP_URL, timezoneId: "Europe/London" });

  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    rmSync(PGLITE_DIR, { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, ...serverEnv, APP_URL, PGLITE_DIR, OUTBOX_SWEEP_INTERVAL_SECONDS: "0" };
    // Its own embedded database, even where the suite runs on PostgreSQL: the main server's sweep must not deliver for it.
    delete env.DATABASE_URL;
    server = spawn("npx", ["next", "start", "-p", String(PORT)], { env, stdio: "ignore", detached: true });
    for (const deadline = Date.now() + 100_000; ; ) {
      const up = await fetch(APP_URL).then((response) => response.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`The server without a sweep did not start on ${APP_URL}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  /** Whether the email links to a local server other than this one. */
  const linksElsewhere = (email: SentEmail) =>
    [...`${email.text}${email.html}`.matchAll(/http:\/\/localhost:(\d+)/g)].some(([, port]) => Number(port) !== PORT);

  const delivered = new Set<Template>();
  const seen = new Set<string>();

  /** Waits at most two seconds for a new email of `template` to `to`, and counts the template as delivered. */
  async function deliveredPromptly(template: Template, to: string, subject: string | RegExp): Promise<SentEmail> {
    const deadline = Date.now() + WITHIN_MS;
    for (;;) {
      const found = (await readEmails(to, { count: 0 })).find(
        (email) =>
          !seen.has(email.id) &&
          (typeof subject === "string" ? email.subject === subject : subject.test(email.subject)) &&
          // The practice's address hears from the main test server too, and a pooled therapist address may hold an
          // earlier test's sign-in link from it: an email linking to another server is not this one's.
          (to !== PRACTICE_ADDRESS || email.text.includes(APP_URL)) &&
          !linksElsewhere(email),
      );
      if (found) {
        seen.add(found.id);
        delivered.add(template);
        return found;
      }
      if (Date.now() > deadline) throw new Error(`"${template}" to ${to} was not delivered within ${WITHIN_MS} ms of its response`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function bookAndConfirm(page: Page, name: string, email: string, day: number) {
    await chooseTime(page, "Choose intake session", { day });
    await fillIntake(page, { name, email });
    await page.getByRole("button", { name: "Request this time" }).click();
    await expect(page.getByRole("heading", { name: "Check your email to confirm this time" })).toBeVisible();
    const hold = await deliveredPromptly("booking-hold", email, "Please confirm your appointment time");
    await typeCode(page, codeIn(hold));
    await expect(page.getByRole("heading", { name: "Your request has been sent" })).toBeVisible();
    await deliveredPromptly("booking-requested", email, "We received your appointment request");
    await deliveredPromptly("booking-notification", PRACTICE_ADDRESS, "New appointment request");
  }

  test("every email a request queues goes out within two seconds of the response", async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const writer = uniqueEmail("prompt-writer");
    const writerName = `Prompt Writer ${Date.now()}`;

    await test.step("a visitor writes", async () => {
      await page.goto("/contact");
      await page.getByLabel("Your name").fill(writerName);
      await page.getByLabel("Email address").fill(writer);
      await page.getByLabel("Your message").fill("Hello.");
      await page.getByLabel(/I agree that the practice may store/).check();
      await page.getByRole("button", { name: "Send message" }).click();
      await expect(page.getByRole("heading", { name: "Thank you, your message has been sent" })).toBeVisible();
      await deliveredPromptly("contact-acknowledgement", writer, "We received your message");
      await deliveredPromptly("contact-notification", PRACTICE_ADDRESS, "New message on your website");
    });

    const reader = uniqueEmail("prompt-reader");
    await test.step("a visitor subscribes and confirms, choosing the series", async () => {
      await page.goto("/newsletter");
      const form = page.locator("#subscribe");
      await form.getByLabel("Email address").fill(reader);
      await form.getByLabel(/Email me the newsletter/).check();
      await form.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
      const confirmation = await deliveredPromptly("newsletter-confirmation", reader, "Please confirm your subscription");
      await page.goto(linkIn(confirmation, /\/newsletter\/confirm\//));
      await page.getByLabel(/Also send me the four-part series/).check();
      await page.getByRole("button", { name: "Confirm" }).click();
      await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();
      await deliveredPromptly("newsletter-welcome", reader, "Welcome: the way into your library");
      await deliveredPromptly("newsletter-series-part", reader, /, part 1 of \d+$/);
    });

    await test.step("the subscriber asks for a new library link", async () => {
      await page.context().clearCookies();
      await page.goto("/freebies/library");
      const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Email me a new link" }) });
      await form.getByLabel("Your subscribed email address").fill(reader);
      await form.getByRole("button", { name: "Email me a new link" }).click();
      await expect(page.getByText("If that address is subscribed, a new link to the library is on its way.")).toBeVisible();
      await deliveredPromptly("newsletter-library-link", reader, "Your link to the library");
    });

    await test.step("a visitor books, moves and cancels", async () => {
      const email = uniqueEmail("prompt-booker");
      await bookAndConfirm(page, `Prompt Mover ${Date.now()}`, email, 0);
      const reschedule = page.locator("#reschedule");
      await reschedule.locator(".day-list a").nth(2).click();
      await reschedule.getByRole("radio").first().check();
      await reschedule.getByRole("button", { name: "Move my appointment to this time" }).click();
      await expect(page.getByRole("heading", { name: "Your appointment has moved" })).toBeVisible();
      await deliveredPromptly("booking-rescheduled", email, "Your appointment has a new time");
      await page.getByText("Cancel this appointment").click();
      await page.getByRole("button", { name: "Yes, cancel my appointment" }).click();
      await expect(page.getByRole("heading", { name: "Your appointment has been cancelled" })).toBeVisible();
      await deliveredPromptly("booking-cancelled", email, "Your appointment has been cancelled");
    });

    const waiter = { name: `Prompt Waiter ${Date.now()}`, email: uniqueEmail("prompt-waiter") };
    await test.step("a visitor joins the waitlist", async () => {
      await page.goto("/book/waitlist?type=intake&where=OR");
      await page.getByLabel("Telehealth (video)").check();
      for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]) await page.getByRole("checkbox", { name: day }).check();
      for (const part of [/Mornings/, /Afternoons/]) await page.getByRole("checkbox", { name: part }).check();
      await page.getByLabel("Your name").fill(waiter.name);
      await page.getByLabel("Email address").fill(waiter.email);
      await page.getByLabel(/keep these answers to offer me a time/).check();
      await page.getByRole("button", { name: "Join the waitlist" }).click();
      await expect(page.getByRole("heading", { name: "Check your email to confirm your place" })).toBeVisible();
      const code = await deliveredPromptly("waitlist-code", waiter.email, "Please confirm your place on the waitlist");
      await page.getByLabel("The 6-digit code from the email").fill(codeIn(code));
      await page.getByRole("button", { name: "Confirm my place" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Your place on the waitlist" })).toBeVisible();
      await deliveredPromptly("waitlist-joined", waiter.email, "You are on the waitlist");
    });

    const toConfirm = { name: `Prompt Confirmed ${Date.now()}`, email: uniqueEmail("prompt-confirmed") };
    const toDecline = { name: `Prompt Declined ${Date.now()}`, email: uniqueEmail("prompt-declined") };
    await test.step("two more visitors ask for times", async () => {
      await bookAndConfirm(page, toConfirm.name, toConfirm.email, 1);
      await bookAndConfirm(page, toDecline.name, toDecline.email, 3);
    });

    const therapist = therapistFor(testInfo);
    await test.step("the therapist signs in by email", async () => {
      await page.context().clearCookies();
      await page.goto("/admin/sign-in");
      await page.getByLabel("Email address").fill(therapist);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
      const link = await deliveredPromptly("sign-in-link", therapist, "Your sign-in link");
      await page.goto(link.text.match(/https?:\/\/\S+\/admin\/sign-in\/confirm\/[A-Za-z0-9_-]{43}/)![0]);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).not.toHaveURL(/\/admin\/sign-in/);
    });

    await test.step("the therapist confirms one request and declines another", async () => {
      await page.goto("/admin/requests?status=requested");
      await page.getByRole("link", { name: toConfirm.name }).click();
      await page.getByRole("button", { name: "Confirm", exact: true }).click();
      await expect(page.getByTestId("booking-status")).toHaveText("Confirmed");
      await deliveredPromptly("booking-confirmed", toConfirm.email, "Your appointment is confirmed");

      await page.goto("/admin/requests?status=requested");
      await page.getByRole("link", { name: toDecline.name }).click();
      await page.getByRole("button", { name: "Decline" }).click();
      await expect(page.getByTestId("booking-status")).toHaveText("Declined");
      await deliveredPromptly("booking-declined", toDecline.email, "About your appointment request");
    });

    await test.step("the therapist offers a waiting visitor a time by hand", async () => {
      await page.goto("/admin/waitlist");
      await page.locator("li.card").filter({ hasText: waiter.name }).getByRole("button", { name: "Offer this time" }).click();
      await expect(page.getByText("Offered. She has the email")).toBeVisible();
      await deliveredPromptly("waitlist-offer", waiter.email, "A time has become free for you");
    });

    await test.step("the therapist replies to the message", async () => {
      await page.goto("/admin/messages");
      await page.getByRole("row").filter({ hasText: writerName }).getByRole("link", { name: writerName }).click();
      await page.getByLabel("Your reply").fill("Thank you for writing.");
      await page.getByRole("button", { name: "Send reply" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Your reply is on its way." })).toBeVisible();
      await deliveredPromptly("practice-reply", writer, "A reply to your message");
    });

    await test.step("the therapist sends herself a test issue", async () => {
      const subject = `Prompt notes ${Date.now()}`;
      await page.goto("/admin/newsletter");
      await page.getByLabel("Subject").fill(subject);
      await page.getByLabel("The newsletter").fill("Hello from the practice.");
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
      await page.getByRole("button", { name: "Send me a test" }).click();
      await expect(page.getByText("A test is on its way to your address.")).toBeVisible();
      await deliveredPromptly("newsletter-issue", therapist, `[Test] ${subject}`);
    });

    expect([...delivered].sort()).toEqual(Object.keys(JOURNEYS).sort());
  });
});
