import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, uniqueEmail } from "./fixtures";
import { pageFromAnotherAddress, signInAsTherapist, therapistFor } from "./fixtures/therapist";
import { visitorSends } from "./fixtures/visitor";

/*
 * The private area on a phone (issue 19, item 6): at 480 px and below its
 * lists are cards, and at 320 px no room clips or pushes text off the screen.
 */

const ROOMS = [
  "/admin",
  "/admin/messages",
  "/admin/messages/archived",
  "/admin/requests",
  "/admin/availability",
  "/admin/newsletter",
  "/admin/subscribers",
  "/admin/outbox",
  "/admin/audit",
  "/admin/privacy",
  "/admin/security",
];

/**
 * What a reader at this width cannot read whole: an element reaching past
 * either edge of the screen, or a box that hides or scrolls its own text
 * sideways (a table squeezed into a scrolling strip counts). Form controls
 * scroll their own values by design and are left out, as is what is hidden
 * for screen readers only.
 */
function unreadable(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className && typeof element.className === "string" ? `.${element.className.trim().split(/\s+/).join(".")}` : ""} "${(element.textContent ?? "").trim().slice(0, 40)}"`;
    for (const element of Array.from(document.querySelectorAll("body *"))) {
      if (element.closest(".visually-hidden, .honeypot, [hidden], details:not([open]) > :not(summary), input, textarea, select, option, svg, script, style")) continue;
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden" || style.position === "fixed") continue;
      const box = element.getBoundingClientRect();
      // Drawn as a point, or inside one: hidden for the eye on purpose (a card's header row).
      if (box.width <= 1 || box.height <= 1) continue;
      let hiddenForTheEye = false;
      for (let outer = element.parentElement; outer && !hiddenForTheEye; outer = outer.parentElement) {
        const around = outer.getBoundingClientRect();
        hiddenForTheEye = (around.width <= 1 || around.height <= 1) && getComputedStyle(outer).overflow.includes("hidden");
      }
      if (hiddenForTheEye) continue;
      if (box.right > width + 1 || box.left < -1) problems.push(`${name(element)} reaches past the screen (${Math.round(box.left)}–${Math.round(box.right)})`);
      else if (["hidden", "clip", "auto", "scroll"].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
        problems.push(`${name(element)} hides or scrolls ${element.scrollWidth - element.clientWidth}px sideways`);
    }
    return problems;
  });
}

test("at 320 px no room clips or overflows its text, and at 480 px the lists are cards", async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const visitor = await pageFromAnotherAddress(browser);
  // A long unbroken name and address: what squeezed columns used to clip.
  await visitorSends(visitor, { name: `Narrowscreen${"x".repeat(40)} Person`, email: uniqueEmail(`a-long-address-${"y".repeat(20)}`), message: "A".repeat(300) });
  await visitor.context().close();
  await signInAsTherapist(page, therapistFor(testInfo));

  await page.setViewportSize({ width: 480, height: 800 });
  await page.goto("/admin/messages");
  const firstRow = page.locator(".record-table tbody tr").first();
  await expect(firstRow).toBeVisible();
  expect(await firstRow.evaluate((row) => getComputedStyle(row).display)).toBe("block");
  expect(await page.locator(".record-table thead").evaluate((head) => head.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
  await expect(firstRow.locator("td").nth(1)).toHaveAttribute("data-label", "From");
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  expect(await page.locator(".record-table tbody tr").first().evaluate((row) => getComputedStyle(row).display)).toBe("table-row");

  await page.setViewportSize({ width: 320, height: 640 });
  const messageUrl = await page.locator(".record-table a[href^='/admin/messages/']").first().getAttribute("href");
  for (const url of [...ROOMS, messageUrl!]) {
    await page.goto(url);
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await unreadable(page), url).toEqual([]);
  }
});
