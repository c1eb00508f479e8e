import { expect, test, uniqueEmail } from "./fixtures";

// The second server in playwright.config.ts: its DATABASE_URL points at a
// port where nothing listens.
const downAppPort = Number(process.env.E2E_APP_PORT ?? 3100) + 1;
test.use({ baseURL: `http://localhost:${downAppPort}` });

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with the database down, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("pages that need no database still work, and a message is not lost from the form", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

      await page.goto("/contact");
      await page.getByLabel("Your name").fill("Dana");
      await page.getByLabel("Email address").fill(uniqueEmail());
      await page.getByLabel("Your message").fill("Please keep this.");
      await page.getByLabel(/I agree/).check();
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.request().method() === "POST"),
        page.getByRole("button", { name: "Send message" }).click(),
      ]);
      expect(response.status()).toBeLessThan(500);
      await expect(page.locator("#form-problem")).toContainText("a problem on our side");
      await expect(page.getByLabel("Your message")).toHaveValue("Please keep this.");
      expect(await page.content()).not.toMatch(/ECONNREFUSED|at async|node_modules|\.ts:\d+/);
    });
  });
}
