import { directDatabase, NEEDS_DATABASE } from "./fixtures/database";
import { allEmails, expect, expectAccessible, readEmails, test, uniqueEmail } from "./fixtures";
import { pageFromAnotherAddress, requestSignInLink, signInByEmail, therapistFor } from "./fixtures/therapist";
import { visitorSends } from "./fixtures/visitor";

const NOTIFICATION_TO = "maya@stillwater.example";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the therapist's sign-in, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("follows the emailed link, reads a visitor's new message, marks it handled and signs out; back shows nothing private", async ({ page, browser }, testInfo) => {
      const visitor = await pageFromAnotherAddress(browser);
      const name = `Robin ${Date.now().toString(36)}`;
      const secret = `private-detail-${Math.random().toString(36).slice(2)}`;
      await visitorSends(visitor, { name, email: uniqueEmail(), message: `Hello. ${secret}` });
      await visitor.context().close();

      await page.goto("/admin/messages");
      await expect(page).toHaveURL(/\/admin\/sign-in$/);
      const therapist = therapistFor(testInfo);
      await signInByEmail(page, therapist);
      // Back where the sign-in interrupted.
      await expect(page).toHaveURL(/\/admin\/messages$/);
      await page.getByRole("link", { name: "Overview" }).click();
      await expect(page.getByRole("heading", { name: "What needs attention" })).toBeVisible();

      await page.getByRole("link", { name: "Messages", exact: true }).click();
      const row = page.getByRole("row").filter({ hasText: name });
      await expect(row.getByRole("cell").first()).toHaveText("New");
      await row.getByRole("link", { name }).click();
      await expect(page.getByRole("heading", { name: `Message from ${name}` })).toBeVisible();
      await expect(page.getByTestId("visitor-text")).toContainText(secret);

      await page.getByRole("button", { name: "Mark as handled" }).click();
      await expect(page.getByText(/^Handled /)).toBeVisible();
      await expect(page.getByRole("button", { name: "Mark as not handled" })).toBeVisible();
      const messageUrl = page.url();

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
      await page.goBack();
      await expect(page.getByRole("heading", { name: "Sign in to the private area" })).toBeVisible();
      await expect(page.locator("body")).not.toContainText(secret);
      await expect(page.locator("body")).not.toContainText(name);
      // Typing the address again is no different.
      await page.goto(messageUrl);
      await expect(page).toHaveURL(/\/admin\/sign-in$/);
      await expect(page.locator("body")).not.toContainText(secret);
    });

    test("an unknown address gets the same page and no email", async ({ page }, testInfo) => {
      const stranger = uniqueEmail("stranger");
      await page.goto("/admin/sign-in");
      await page.getByLabel("Email address").fill(stranger);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
      const strangerPage = await page.locator("main").innerText();
      const strangerUrl = page.url();

      await requestSignInLink(page, therapistFor(testInfo));
      expect(await page.locator("main").innerText()).toBe(strangerPage);
      expect(page.url()).toBe(strangerUrl);

      // The therapist's email has arrived by now; the stranger's never will.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect((await allEmails()).filter((email) => email.to.includes(stranger))).toEqual([]);
    });

    test("a reused link and a link with one character changed are refused with a clear page", async ({ page, browser }, testInfo) => {
      const link = await signInByEmail(page, therapistFor(testInfo));
      const fresh = await pageFromAnotherAddress(browser, { javaScriptEnabled });
      await fresh.goto(link);
      await expect(fresh.getByRole("heading", { name: "This sign-in link cannot be used" })).toBeVisible();
      await expect(fresh.getByRole("button", { name: "Sign in" })).toHaveCount(0);
      await expect(fresh.getByRole("link", { name: "Ask for a new link" })).toBeVisible();

      const next = await requestSignInLink(fresh, therapistFor(testInfo));
      const last = next.at(-1) === "A" ? "B" : "A";
      await fresh.goto(`${next.slice(0, -1)}${last}`);
      await expect(fresh.getByRole("heading", { name: "This sign-in link cannot be used" })).toBeVisible();
      // The real one still works: a wrong guess spent nothing.
      await fresh.goto(next);
      await fresh.getByRole("button", { name: "Sign in" }).click();
      await expect(fresh).toHaveURL(/\/admin$/);
      await fresh.context().close();
    });
  });
}

test("a mail scanner that opens the link spends nothing; the page's button signs in", async ({ page, request }, testInfo) => {
  const link = await requestSignInLink(page, therapistFor(testInfo));
  for (let i = 0; i < 3; i += 1) {
    const response = await request.get(link, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("attune.session");
  }
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test("the link in a new-message email lands on that message after signing in", async ({ page, browser }, testInfo) => {
  const visitor = await pageFromAnotherAddress(browser);
  const before = (await readEmails(NOTIFICATION_TO, { count: 0 })).length;
  await visitorSends(visitor, { name: "Sam Notify", email: uniqueEmail(), message: "Please call me." });
  await visitor.context().close();
  const notices = await readEmails(NOTIFICATION_TO, { count: before + 1 });
  const messageLink = notices.at(-1)!.text.match(/http:\/\/localhost:\d+\/admin\/messages\/[0-9a-f-]{36}/)![0];

  await page.goto(messageLink);
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  const link = await requestSignInLink(page, therapistFor(testInfo));
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(messageLink);
  await expect(page.getByRole("heading", { name: /^Message from / })).toBeVisible();
});

test("the session cookie is HttpOnly and SameSite=Lax, and sign-out ends the session on the server too", async ({ page, browser }, testInfo) => {
  await signInByEmail(page, therapistFor(testInfo));
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === "attune.session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // Expires with the absolute lifetime (12 h), not a day or a month.
  expect(session!.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3_600_000 + 60_000);
  expect(cookies.map((cookie) => cookie.name).filter((name) => name.startsWith("authjs"))).toEqual([]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
  // A copy of the old cookie is worth nothing now: its session row is gone.
  const replay = await browser.newContext();
  await replay.addCookies([{ ...session!, expires: -1 }]);
  const stolen = await replay.newPage();
  await stolen.goto("/admin");
  await expect(stolen).toHaveURL(/\/admin\/sign-in$/);
  await replay.close();
});

test.describe("with direct database access", () => {
  test.skip(!process.env.DATABASE_URL, NEEDS_DATABASE);

  test("an expired link is refused with a clear page", async ({ page }, testInfo) => {
    const therapist = therapistFor(testInfo);
    const link = await requestSignInLink(page, therapist);
    const sql = directDatabase()!;
    try {
      await sql`update verification_token set expires = now() - interval '1 second' where identifier = ${therapist}`;
    } finally {
      await sql.end();
    }
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This sign-in link has expired" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  });

  test("sign-out deletes the session row", async ({ page }, testInfo) => {
    const therapist = therapistFor(testInfo);
    const sql = directDatabase()!;
    try {
      const count = async () => (await sql<{ n: number }[]>`select count(*)::int as n from session s join "user" u on u.id = s.user_id where u.email = ${therapist}`)[0]!.n;
      // An address comes round again in a long run (fixtures/therapist.ts): an earlier test's session may still be open.
      const before = await count();
      await signInByEmail(page, therapist);
      expect(await count()).toBe(before + 1);
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
      expect(await count()).toBe(before);
    } finally {
      await sql.end();
    }
  });
});

test("the sign-in pages are accessible", async ({ page }, testInfo) => {
  // Six pages, each judged by axe: more than one page's worth of the default time.
  test.slow();
  await page.goto("/admin/sign-in");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Please enter your email address.")).toBeVisible();
  await expectAccessible(page);
  const link = await requestSignInLink(page, therapistFor(testInfo));
  await expect(page).toHaveTitle(/^Check your email/);
  await expectAccessible(page);
  await page.goto(link);
  await expect(page).toHaveTitle(/^Sign in/);
  await expectAccessible(page);
  await page.goto("/admin/sign-in/confirm/not-a-real-link");
  await expect(page.getByRole("heading", { name: "This sign-in link cannot be used" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/admin/signed-out");
  await expectAccessible(page);
});
