import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { SCREEN_SIZES } from "./fixtures/screen-sizes";

// The longest contents list of the series, with headings that carry numbers of their own.
const POST = "/blog/secure-attachment-with-your-baby";

const contents = (page: Page) => page.getByRole("navigation", { name: "In this post" });

/** Characters per full line of the post's longest paragraph, as laid out. */
function charactersPerLine(page: Page) {
  return page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll<HTMLParagraphElement>(".post-body > p")];
    const longest = paragraphs.sort((a, b) => b.textContent!.length - a.textContent!.length)[0]!;
    const range = document.createRange();
    range.selectNodeContents(longest);
    const lineTops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    // The last line is usually short; count it as half.
    return longest.textContent!.length / (lineTops.size - 0.5);
  });
}

for (const { name, viewport } of SCREEN_SIZES) {
  test.describe(`reading a post, ${name}`, () => {
    test.use({ viewport });

    test("the contents start folded, open without script, and number each entry once", async ({ page }) => {
      await page.goto(POST);
      const details = contents(page).locator("details");
      await expect(details).toHaveCount(1);
      expect(await details.evaluate((element: HTMLDetailsElement) => element.open)).toBe(false);
      // Folded, the contents take one line of the first screen, and the post begins right after them
      // (the header, the title and the content note come first on a phone).
      const folded = (await contents(page).boundingBox())!;
      expect(folded.y).toBeLessThan(viewport.height - 40);
      expect(folded.height).toBeLessThan(90);
      const firstParagraph = page.locator(".post-body > p").first();
      expect((await firstParagraph.boundingBox())!.y).toBeLessThan(viewport.height * 1.2);

      await contents(page).getByText("In this post").click();
      const entry = contents(page).getByRole("link", { name: "1. Respond when your baby cries" });
      await expect(entry).toBeVisible();
      // No list number beside a heading's own: every entry is unmarked.
      const markers = await contents(page).locator("li").evaluateAll((items) => [...new Set(items.map((item) => getComputedStyle(item).listStyleType))]);
      expect(markers).toEqual(["none"]);
      await expect(contents(page).locator("ol")).toHaveCount(0);
      await entry.click();
      await expect(page.getByRole("heading", { level: 3, name: "1. Respond when your baby cries" })).toBeInViewport();
      await expectAccessible(page);
    });

    test("a post invites to the newsletter once", async ({ page }) => {
      await page.goto(POST);
      await expect(page.getByRole("form", { name: "Free journal prompts and worksheets" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Subscribe" })).toHaveCount(1);
      await expect(page.getByRole("form", { name: "Newsletter and freebies" })).toHaveCount(0);
      // Pages without an invitation of their own keep the footer's.
      await page.goto("/privacy");
      await expect(page.getByRole("form", { name: "Newsletter and freebies" })).toBeVisible();
    });
  });
}

test.describe("reading a post on a phone, JavaScript off", () => {
  test.use({ viewport: SCREEN_SIZES[0].viewport, javaScriptEnabled: false });

  test("the contents open and lead to their section", async ({ page }) => {
    await page.goto(POST);
    await contents(page).getByText("In this post").click();
    await contents(page).getByRole("link", { name: "Good enough is the goal" }).click();
    await expect(page).toHaveURL(/#good-enough-is-the-goal$/);
    await expect(page.getByRole("heading", { level: 2, name: "Good enough is the goal" })).toBeInViewport();
  });
});

test.describe("reading a post on a desktop", () => {
  test.use({ viewport: SCREEN_SIZES[1].viewport });

  test("the text sits in one centered column of about 70 characters a line", async ({ page }) => {
    await page.goto(POST);
    const perLine = await charactersPerLine(page);
    expect(perLine).toBeGreaterThanOrEqual(62);
    expect(perLine).toBeLessThanOrEqual(76);
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    for (const part of [".post-header", ".toc", ".post-body", ".post-footer"]) {
      const box = (await page.locator(part).boundingBox())!;
      expect(Math.abs(box.x - (width - box.x - box.width)), part).toBeLessThanOrEqual(2);
    }
  });
});
