import { CONFIRM_TIME_LINK, chooseTime, fillIntake } from "./fixtures/book-visit";
import { expect, expectAccessible, linkIn, readEmails, test, uniqueEmail } from "./fixtures";

/*
 * A time asked for on /book is only held until the owner of the address
 * confirms it from the email: opening the link (as a mail scanner does)
 * confirms nothing; only the button does.
 */
for (const javaScriptEnabled of [true, false]) {
  test.describe(`a held time, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, timezoneId: "Europe/London" });

    test("is confirmed by one press on the page the email opens, and by no GET of its link", async ({ page, request }) => {
      const email = uniqueEmail("hold");
      // Days no other spec books on.
      await chooseTime(page, "Choose intake session", { day: javaScriptEnabled ? 7 : 8 });
      await fillIntake(page, { name: "Verify at http://evil.example", email });
      await page.getByRole("button", { name: "Request this time" }).click();
      await expect(page.getByRole("heading", { name: "Check your email to confirm this time" })).toBeVisible();
      await expect(page.getByText("for 30 minutes")).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);

      const [hold] = await readEmails(email);
      expect(hold!.subject).toBe("Please confirm your appointment time");
      expect(`${hold!.html}${hold!.text}`).not.toContain("evil.example");
      const confirm = linkIn(hold!, CONFIRM_TIME_LINK);
      const manage = new URL(confirm).pathname.replace("/book/confirm/", "/book/manage/");

      // A scanner fetching the link, twice: still only held, so the manage page does not open yet.
      for (let i = 0; i < 2; i += 1) expect((await request.get(confirm)).status()).toBe(200);
      expect(await (await request.get(manage)).text()).toContain("This booking link no longer opens an appointment");

      await page.goto(confirm);
      await expect(page.getByRole("heading", { level: 1, name: "Confirm this time" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
      await page.getByRole("button", { name: "Confirm this time" }).click();
      await expect(page).toHaveURL(/\/book\/manage\/[A-Za-z0-9_-]{43}\?new=1$/);
      await expect(page.getByRole("heading", { name: "Your request has been sent" })).toBeVisible();
      const [, receipt] = await readEmails(email, { count: 2 });
      expect(receipt!.subject).toBe("We received your appointment request");

      // The link, opened again, goes to the booking; nothing is confirmed twice.
      await page.goto(confirm);
      await expect(page).toHaveURL(new RegExp(`${manage}$`));
    });
  });
}

test("a confirm link that holds nothing says so and confirms nothing", async ({ page }) => {
  await page.goto(`/book/confirm/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This time is no longer held" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm this time" })).toHaveCount(0);
  await expectAccessible(page);
});
