import { CONFIRM_TIME_LINK, chooseTime, codeIn, fillIntake, typeCode } from "./fixtures/book-visit";
import { expect, expectAccessible, linkIn, readEmails, test, uniqueEmail } from "./fixtures";

/*
 * A time asked for on /book is only held until the owner of the address
 * types the emailed code on the same page, or follows the email's link:
 * opening the link (as a mail scanner does) confirms nothing; the page it
 * opens confirms with one POST, made by the page itself when JavaScript runs.
 */
for (const javaScriptEnabled of [true, false]) {
  test.describe(`a held time, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, timezoneId: "Europe/London" });

    test("is confirmed by one press on the page the email's link opens, and by no GET of it", async ({ page, request }) => {
      const email = uniqueEmail("hold");
      // Days no other spec books on.
      await chooseTime(page, "Choose intake session", { day: javaScriptEnabled ? 7 : 8 });
      await fillIntake(page, { name: "Verify at http://evil.example", email });
      await page.getByRole("button", { name: "Request this time" }).click();
      await expect(page.getByRole("heading", { name: "Check your email to confirm this time" })).toBeVisible();
      await expect(page.getByText(/^until .+ \(another 10 minutes\)$/)).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);

      const [hold] = await readEmails(email);
      expect(hold!.subject).toBe("Please confirm your appointment time");
      expect(`${hold!.html}${hold!.text}`).not.toContain("evil.example");
      const confirm = linkIn(hold!, CONFIRM_TIME_LINK);
      const manage = new URL(confirm).pathname.replace("/book/confirm/", "/book/manage/");

      // A scanner fetching the link, twice: still only held, so the manage page does not open yet.
      for (let i = 0; i < 2; i += 1) expect((await request.get(confirm)).status()).toBe(200);
      expect(await (await request.get(manage)).text()).toContain("This booking link no longer opens an appointment");

      // Opened in a browser, scripts or not, the page confirms nothing until she presses: a mail scanner
      // that runs JavaScript on the links it follows must not confirm a time for an address someone else typed.
      await page.goto(confirm);
      await expect(page.getByRole("heading", { level: 1, name: "Confirm this time" })).toBeVisible();
      expect(await (await request.get(manage)).text()).toContain("This booking link no longer opens an appointment");
      await page.getByRole("button", { name: "Confirm this time" }).click();
      await expect(page).toHaveURL(/\/book\/manage\/[A-Za-z0-9_-]{43}\?new=1(#form-problem)?$/);
      await expect(page.getByRole("heading", { name: "Your request has been sent" })).toBeVisible();
      const [, receipt] = await readEmails(email, { count: 2 });
      expect(receipt!.subject).toBe("We received your appointment request");

      // The link, opened again, goes to the booking; nothing is confirmed twice.
      await page.goto(confirm);
      await expect(page).toHaveURL(new RegExp(`${manage}$`));
    });
  });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the code step, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, timezoneId: "Europe/London" });

    test("a wrong code is refused beside the field with what was typed kept; a new code then confirms the time", async ({ page }) => {
      const email = uniqueEmail("code");
      await chooseTime(page, "Choose intake session", { day: javaScriptEnabled ? 11 : 12 });
      await fillIntake(page, { name: "Coda", email });
      await page.getByRole("button", { name: "Request this time" }).click();
      await expect(page.getByRole("heading", { name: "Check your email to confirm this time" })).toBeVisible();
      const field = page.getByLabel("The 6-digit code from the email");
      await expect(field).toHaveAttribute("autocomplete", "one-time-code");
      await expect(field).toHaveAttribute("inputmode", "numeric");
      const [first] = await readEmails(email);
      const wrong = codeIn(first!) === "000000" ? "111111" : "000000";
      await typeCode(page, wrong);
      await expect(page.getByText(/That is not the code we sent.*4 tries left/)).toBeVisible();
      await expect(field).toHaveValue(wrong);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      if (javaScriptEnabled) await expectAccessible(page);

      await page.getByRole("button", { name: "Send a new code" }).click();
      await expect(page.getByText("A new code is on its way")).toBeVisible();
      const [, second] = await readEmails(email, { count: 2 });
      // The first code no longer works; the new one does.
      if (codeIn(first!) !== codeIn(second!)) {
        await typeCode(page, codeIn(first!));
        await expect(page.getByText(/That is not the code we sent/)).toBeVisible();
      }
      await typeCode(page, codeIn(second!));
      await expect(page).toHaveURL(/\/book\/manage\/[A-Za-z0-9_-]{43}\?new=1(#form-problem)?$/);
      await expect(page.getByRole("heading", { name: "Your request has been sent" })).toBeVisible();
    });
  });
}

test("a third time held from one network while two wait for their codes is refused on the page, with what was typed kept", async ({ page }) => {
  for (const day of [13, 14]) {
    await chooseTime(page, "Choose intake session", { day });
    await fillIntake(page, { name: "Holder", email: uniqueEmail("holder") });
    await page.getByRole("button", { name: "Request this time" }).click();
    await expect(page.getByRole("heading", { name: "Check your email to confirm this time" })).toBeVisible();
  }
  await chooseTime(page, "Choose intake session", { day: 15 });
  const email = uniqueEmail("third");
  await fillIntake(page, { name: "Third Holder", email });
  await page.getByRole("button", { name: "Request this time" }).click();
  await expect(page.getByText(/You already have 2 times held that are waiting for the code/)).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Third Holder");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expectAccessible(page);
  expect(await readEmails(email, { count: 0 })).toEqual([]);
});

test("a code page that holds nothing says so", async ({ page }) => {
  await page.goto(`/book/check-your-email/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This time is no longer held" })).toBeVisible();
  await expect(page.getByLabel("The 6-digit code from the email")).toHaveCount(0);
  await expectAccessible(page);
});

test("a confirm link that holds nothing says so and confirms nothing", async ({ page }) => {
  await page.goto(`/book/confirm/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This time is no longer held" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm this time" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the page for a request whose email was held back says no email was sent and how to reach the practice", async ({ page }) => {
  await page.goto("/book/email-held-back");
  await expect(page.getByRole("heading", { level: 1, name: "We could not send your email" })).toBeVisible();
  await expect(page.getByText("no email or code is on its way to you")).toBeVisible();
  await expect(page.getByRole("link", { name: "hello@stillwater.example" })).toBeVisible();
  await expect(page.locator("#held-back-contact").getByText("Phone")).toBeVisible();
  await expect(page.getByText(/sent an email|Check your email/)).toHaveCount(0);
  await expectAccessible(page);
});
