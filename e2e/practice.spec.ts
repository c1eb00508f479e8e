import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { SCREEN_SIZES } from "./fixtures/screen-sizes";

const MAP_SEARCH = "https://www.openstreetmap.org/search?query=2240%20SE%20Division%20Street%2C%20Suite%203%2C%20Portland%2C%20OR%2097202";

/** Records every request that leaves the site's own origin. */
function foreignRequests(page: Page, baseURL: string) {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL).origin) foreign.push(request.url());
  });
  return foreign;
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

for (const { name, viewport } of SCREEN_SIZES) {
  test.describe(`the practice shows itself, ${name}`, () => {
    test.use({ viewport });

    for (const path of ["/", "/contact", "/book"]) {
      test(`${path} gives the phone, the email and the office with a plain map link`, async ({ page, baseURL }) => {
        const foreign = foreignRequests(page, baseURL!);
        await page.goto(path);
        const contact = page.getByRole("region", { name: "Reach the practice" });
        await contact.scrollIntoViewIfNeeded();
        await expect(contact.getByRole("link", { name: "(503) 555-0142" })).toHaveAttribute("href", "tel:+15035550142");
        await expect(contact.getByRole("link", { name: "hello@stillwater.example" })).toHaveAttribute("href", "mailto:hello@stillwater.example");
        await expect(contact).toContainText("2240 SE Division Street, Suite 3");
        await expect(contact).toContainText("Portland, OR 97202");
        await expect(contact.getByRole("link", { name: "Find the office on OpenStreetMap" })).toHaveAttribute("href", MAP_SEARCH);
        await expect(contact.getByRole("link", { name: "What to expect, fees and insurance" })).toHaveAttribute("href", "/what-to-expect");
        // A link, not an embedded map: nothing on the page comes from elsewhere.
        await expect(page.locator("iframe")).toHaveCount(0);
        await expectNoSidewaysScroll(page);
        await expectAccessible(page);
        expect(foreign).toEqual([]);
      });
    }

    test("the home page shows the therapist's photo, sized ahead and described", async ({ page }) => {
      await page.goto("/");
      const photo = page.getByRole("img", { name: /^Portrait of Maya Ellison/ });
      await photo.scrollIntoViewIfNeeded();
      await expect(photo).toBeVisible();
      // Served by next/image from the committed file, with its size known before it loads.
      await expect(photo).toHaveAttribute("src", /^\/_next\/image\?url=%2Fpractice%2Ftherapist-portrait\.png/);
      await expect(photo).toHaveAttribute("width", "480");
      await expect(photo).toHaveAttribute("height", "600");
      await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
      const box = (await photo.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.height / box.width).toBeCloseTo(600 / 480, 1);
    });

    test("'What to expect' covers the first session, fees and insurance, cancellations, telehealth and privacy", async ({ page, baseURL }) => {
      const foreign = foreignRequests(page, baseURL!);
      await page.goto("/what-to-expect");
      await expect(page.getByRole("heading", { level: 1, name: "What to expect" })).toBeVisible();
      for (const heading of ["Your first session", "Fees, insurance and the sliding scale", "Cancelling or moving a session", "Telehealth", "Privacy"]) {
        await expect(page.getByRole("heading", { level: 2, name: heading })).toBeAttached();
      }
      const fees = page.getByRole("table", { name: "Fees per session" });
      await expect(fees.getByRole("row", { name: /Consultation call, 15 minutes.*Free/ })).toBeVisible();
      await expect(fees.getByRole("row", { name: /Intake session, 50 minutes.*\$190/ })).toBeVisible();
      await expect(page.getByRole("heading", { level: 3, name: "Sliding scale" })).toBeAttached();
      await expect(page.getByRole("heading", { level: 3, name: "Insurance" })).toBeAttached();
      await expect(page.locator("#cancellations")).toContainText("24 hours");
      await expect(page.locator("#telehealth")).toContainText("Oregon, Washington or California");
      await expect(page.getByRole("region", { name: "Reach the practice" })).toBeAttached();
      await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Fees, insurance and the sliding scale" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Fees, insurance and the sliding scale" })).toBeInViewport();
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
      expect(foreign).toEqual([]);
    });

    test("'What to expect' is reached from the menu, the footer and the booking page", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "What to expect" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "What to expect" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "What to expect" })).toHaveAttribute("aria-current", "page");

      await page.goto("/contact");
      await page.getByRole("contentinfo").getByRole("link", { name: "Fees and insurance" }).click();
      await expect(page).toHaveURL(/\/what-to-expect#fees$/);
      await expect(page.getByRole("heading", { level: 2, name: "Fees, insurance and the sliding scale" })).toBeInViewport();

      await page.goto("/book");
      await page.getByRole("main").getByRole("link", { name: "What to expect, fees and insurance" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "What to expect" })).toBeVisible();
    });
  });
}

test("the practice's pages fit a 320 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", "/contact", "/book", "/what-to-expect"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
  }
});
