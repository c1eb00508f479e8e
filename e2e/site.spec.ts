import { expect, expectAccessible, test } from "./fixtures";

const pages = [
  { path: "/", heading: /Relational trauma therapy/ },
  { path: "/contact", heading: "Get in touch" },
  { path: "/privacy", heading: "Privacy notice" },
  { path: "/no-such-page", heading: "We couldn't find that page", status: 404 },
];

for (const { path, heading, status = 200 } of pages) {
  test(`${path} is accessible, shows the crisis lines and loads nothing from elsewhere`, async ({ page, baseURL }) => {
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== new URL(baseURL!).origin) foreign.push(request.url());
    });
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();

    const crisis = page.getByRole("region", { name: "If you need help right now" });
    await expect(crisis.getByRole("link", { name: "Call or text 988" })).toHaveAttribute("href", "tel:988");
    await expect(crisis.getByRole("link", { name: "Call 911" })).toBeVisible();
    await expectAccessible(page);
    expect(foreign).toEqual([]);
  });
}

test("the crisis link at the top of every page leads straight to help", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Get help now" }).click();
  await expect(page).toHaveURL(/#crisis-help$/);
  await expect(page.getByRole("heading", { name: "If you need help right now" })).toBeInViewport();
});

test("the navigation links only to pages that exist", async ({ page, request }) => {
  await page.goto("/");
  const hrefs = await page.getByRole("navigation", { name: "Main" }).getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThan(1);
  for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
});

test("a keyboard user can skip to the content and sees where focus is", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  const outline = await skip.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("every page is usable at 320 px without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", "/contact", "/privacy"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
  }
});

test("responses carry the security headers; dynamic pages a nonce and no-store", async ({ request }) => {
  const home = await request.get("/");
  const homeHeaders = home.headers();
  expect(homeHeaders["x-content-type-options"]).toBe("nosniff");
  expect(homeHeaders["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(homeHeaders["x-frame-options"]).toBe("DENY");
  expect(homeHeaders["strict-transport-security"]).toContain("max-age=");
  const staticPolicy = homeHeaders["content-security-policy"]!;
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(staticPolicy).toContain(directive);

  const contact = await request.get("/contact");
  const policy = contact.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(await contact.text()).toContain(`nonce="${nonce}"`);
  expect(contact.headers()["cache-control"]).toContain("no-store");
  const again = await request.get("/contact");
  expect(again.headers()["content-security-policy"]).not.toBe(policy);
});

test("the development mailbox does not exist in production", async ({ request }) => {
  expect((await request.get("/dev/mailbox")).status()).toBe(404);
});

test("the outbox sweep refuses a caller without the cron secret", async ({ request }) => {
  expect((await request.post("/api/outbox/sweep")).status()).toBe(401);
  expect((await request.post("/api/outbox/sweep", { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);
  const allowed = await request.post("/api/outbox/sweep", { headers: { authorization: "Bearer e2e-cron-secret-that-is-long-enough-000" } });
  expect(allowed.status()).toBe(200);
  expect(await allowed.json()).toHaveProperty("outbox.claimed");
});
