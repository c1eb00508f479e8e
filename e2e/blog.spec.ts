import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectAccessible, readEmails, test } from "./fixtures";

// The series as shipped, in order. The tests' build also holds two fixture
// posts from e2e/fixtures/posts (POSTS_FIXTURES_DIR): one scheduled for 2099
// and one draft. Neither may ever be reachable.
const SERIES = [
  { slug: "secure-attachment-with-your-baby", title: "Three Tips for Building Secure Attachment With Your Baby" },
  { slug: "insecure-attachment", title: "Insecure Attachment: What It Is and How It Forms" },
  { slug: "insecure-attachment-styles", title: "Anxious, Avoidant and Disorganized Attachment, Up Close" },
  { slug: "recognizing-your-attachment-style", title: "Recognizing Your Own Attachment Style as an Adult" },
];
const SCHEDULED = { slug: "fixture-scheduled-post", title: "Fixture: A Part Scheduled for the Future" };
const DRAFT = { slug: "fixture-draft-post", title: "Fixture: A Draft That Is Never Published" };
const FEEDS = ["/blog/rss.xml", "/blog/atom.xml", "/blog/series/the-attachment-bond/rss.xml", "/blog/series/the-attachment-bond/atom.xml"];
const BLOG_PAGES = ["/blog", ...SERIES.map((post) => `/blog/${post.slug}`)];

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["item", "entry", "url", "link"].includes(name) });

/** Parses a feed strictly, and returns the post URLs it lists. */
async function feedLinks(request: APIRequestContext, path: string): Promise<string[]> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toMatch(path.endsWith("rss.xml") ? /application\/rss\+xml/ : /application\/atom\+xml/);
  const body = await response.text();
  expect(XMLValidator.validate(body), `${path} is well-formed XML`).toBe(true);
  const parsed = xml.parse(body);
  if (parsed.rss) {
    expect(parsed.rss["@_version"]).toBe("2.0");
    return (parsed.rss.channel.item ?? []).map((item: { link: string[] }) => item.link[0]);
  }
  expect(parsed.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  return (parsed.feed.entry ?? []).map((entry: { link: { "@_href": string }[] }) => entry.link[0]!["@_href"]);
}

/** Every heading on the page in document order, as levels, and where the outline skips one. */
async function outlineGaps(page: Page): Promise<string[]> {
  const headings = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((elements) =>
    elements.map((element) => ({ level: Number(element.tagName[1]), text: element.textContent?.trim() ?? "" })),
  );
  const gaps: string[] = [];
  if (headings[0]?.level !== 1) gaps.push(`first heading is h${headings[0]?.level}: ${headings[0]?.text}`);
  if (headings.filter((heading) => heading.level === 1).length !== 1) gaps.push("not exactly one h1");
  headings.forEach((heading, index) => {
    const before = headings[index - 1];
    if (before && heading.level > before.level + 1) gaps.push(`h${before.level} "${before.text}" → h${heading.level} "${heading.text}"`);
  });
  return gaps;
}

test("the blog hub lists the series in order, and a scheduled part as coming soon without a link", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Blog" }).click();
  await expect(page).toHaveURL(/\/blog$/);
  await expect(page.getByRole("heading", { level: 1, name: "Blog" })).toBeVisible();

  const series = page.getByRole("region", { name: "The attachment bond" });
  await expect(series.getByRole("heading", { level: 3 })).toHaveText(SERIES.map((post) => post.title));
  for (const [index, post] of SERIES.entries()) {
    const part = series.getByRole("listitem").nth(index);
    await expect(part).toContainText(`Part ${index + 1} of 4`);
    await expect(part.getByRole("link", { name: post.title })).toHaveAttribute("href", `/blog/${post.slug}`);
  }

  const fixtures = page.getByRole("region", { name: "Fixture series" });
  await expect(fixtures.getByRole("listitem")).toHaveCount(1);
  await expect(fixtures.getByRole("listitem")).toContainText(SCHEDULED.title);
  await expect(fixtures.getByRole("listitem")).toContainText("Coming soon: January 1, 2099");
  await expect(page.locator(`a[href*="${SCHEDULED.slug}"], a[href*="${DRAFT.slug}"]`)).toHaveCount(0);
  await expect(page.getByText(DRAFT.title)).toHaveCount(0);
});

for (const [index, post] of SERIES.entries()) {
  test(`part ${index + 1} shows its place in the series, its neighbours, contents, content note and author`, async ({ page, baseURL }) => {
    const response = await page.goto(`/blog/${post.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(post.title);
    await expect(page.getByText(`Part ${index + 1} of 4`, { exact: true })).toBeVisible();
    await expect(page.getByText(/\d+ min read/)).toBeVisible();
    await expect(page.getByRole("note").filter({ hasText: "Content note:" })).toBeVisible();
    await expect(page.getByRole("region", { name: "About the author" })).toContainText("Maya Ellison, LMFT");

    const neighbours = page.getByRole("navigation", { name: "The attachment bond: previous and next part" });
    const previous = SERIES[index - 1];
    const next = SERIES[index + 1];
    if (previous) await expect(neighbours.getByRole("link", { name: `Previous: Part ${index} ${previous.title}` })).toHaveAttribute("href", `/blog/${previous.slug}`);
    else await expect(neighbours.getByRole("link", { name: /Previous/ })).toHaveCount(0);
    if (next) await expect(neighbours.getByRole("link", { name: `Next: Part ${index + 2} ${next.title}` })).toHaveAttribute("href", `/blog/${next.slug}`);
    else await expect(neighbours.getByRole("link", { name: /Next/ })).toHaveCount(0);

    // Each entry of the contents leads to a heading of the post with that text.
    await page.getByRole("navigation", { name: "In this post" }).getByText("In this post").click();
    const contents = page.getByRole("navigation", { name: "In this post" }).getByRole("link");
    expect(await contents.count()).toBeGreaterThan(3);
    for (const link of await contents.all()) {
      const target = page.locator(`[id="${(await link.getAttribute("href"))!.slice(1)}"]`);
      await expect(target).toHaveText((await link.textContent())!);
      expect(await target.evaluate((element) => element.tagName)).toMatch(/^H[23]$/);
    }

    // The calls to action lead somewhere that exists.
    const booking = page.getByRole("link", { name: "Book an intake session" });
    await expect(booking).toHaveAttribute("href", "/book");
    await expect(page.getByRole("form", { name: "Free journal prompts and worksheets" })).toBeVisible();

    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/blog/${post.slug}`);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", `${baseURL}/blog/${post.slug}/og-image.png`);

    const structured = await page.locator('script[type="application/ld+json"]').evaluateAll((scripts) => scripts.map((script) => JSON.parse(script.textContent!)));
    const article = structured.find((data) => data["@type"] === "BlogPosting");
    expect(article).toMatchObject({ headline: post.title, url: `${baseURL}/blog/${post.slug}`, position: index + 1, author: { name: "Maya Ellison" } });
    const trail = structured.find((data) => data["@type"] === "BreadcrumbList");
    expect(trail.itemListElement.map((crumb: { name: string }) => crumb.name)).toEqual(["Home", "Blog", post.title]);
  });
}

// One test a page: each runs axe over a long post, and together they outgrew one test's time on a busy machine.
for (const path of [...BLOG_PAGES, "/"]) {
  test(`${path} is accessible, has an outline without gaps, and loads nothing from elsewhere`, async ({ page, baseURL }) => {
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== new URL(baseURL!).origin) foreign.push(request.url());
    });
    await page.goto(path);
    expect(await outlineGaps(page), path).toEqual([]);
    await expectAccessible(page);
    expect(foreign).toEqual([]);
  });
}

test("blog pages ship no more JavaScript than a bare page, and are served static", async ({ request }) => {
  const scripts = async (path: string) => {
    const html = await (await request.get(path)).text();
    return [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]).sort();
  };
  const floor = await scripts("/privacy");
  expect(floor.length).toBeGreaterThan(0);
  for (const path of BLOG_PAGES) {
    expect(await scripts(path), path).toEqual(floor);
    const response = await request.get(path);
    // Prerendered HTML from the cache, with the static policy that needs no nonce.
    expect(response.headers()["x-nextjs-cache"], path).toMatch(/HIT|STALE/);
    expect(response.headers()["content-security-policy"], path).not.toContain("nonce-");
  }
});

test("the feeds parse as XML and list exactly the published posts", async ({ request, baseURL }) => {
  const published = SERIES.map((post) => `${baseURL}/blog/${post.slug}`);
  for (const path of FEEDS) expect((await feedLinks(request, path)).sort(), path).toEqual([...published].sort());
  // Newest first.
  expect(await feedLinks(request, "/blog/rss.xml")).toEqual([...published].reverse());
  // The fixture series has nothing published yet: a valid, empty feed.
  expect(await feedLinks(request, "/blog/series/fixture-series/atom.xml")).toEqual([]);
  expect((await request.get("/blog/series/no-such-series/rss.xml")).status()).toBe(404);
});

test("a draft and a scheduled post are absent: 404 pages and cards, no feed entry, not in the sitemap", async ({ request, baseURL }) => {
  for (const post of [SCHEDULED, DRAFT]) {
    const response = await request.get(`/blog/${post.slug}`);
    expect(response.status(), post.slug).toBe(404);
    expect(await response.text()).not.toContain(post.title);
    expect((await request.get(`/blog/${post.slug}/og-image.png`)).status(), post.slug).toBe(404);
    for (const path of FEEDS) expect(await (await request.get(path)).text(), path).not.toContain(post.slug);
  }

  const sitemap = await request.get("/sitemap.xml");
  const body = await sitemap.text();
  expect(XMLValidator.validate(body)).toBe(true);
  const locations: string[] = xml.parse(body).urlset.url.map((url: { loc: string }) => url.loc);
  expect(locations).toEqual(expect.arrayContaining([`${baseURL}/blog`, ...SERIES.map((post) => `${baseURL}/blog/${post.slug}`)]));
  expect(locations.filter((location) => location.includes("/blog/"))).toHaveLength(SERIES.length);
  expect(body).not.toContain("fixture");
});

test("robots.txt keeps crawlers out of the private area and the development tools, and names the sitemap", async ({ request, baseURL }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /admin");
  expect(robots).toContain("Disallow: /dev");
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("each post's link-preview card is a 1200×630 PNG", async ({ request }) => {
  for (const post of SERIES) {
    const response = await request.get(`/blog/${post.slug}/og-image.png`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const png = await response.body();
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    // The IHDR chunk holds the width and height.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }
});

test("an unknown post is a 404 with the site's frame", async ({ page }) => {
  const response = await page.goto("/blog/no-such-post");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that page" })).toBeVisible();
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a reader goes from the home page through the hub and reads the series part by part", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("region", { name: "From the blog" }).getByRole("link", { name: /See every part/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Blog" })).toBeVisible();
    await page.getByRole("link", { name: SERIES[0]!.title }).click();
    for (const [index, post] of SERIES.entries()) {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(post.title);
      await expect(page.getByText(`Part ${index + 1} of 4`, { exact: true })).toBeVisible();
      const next = SERIES[index + 1];
      if (next) await page.getByRole("link", { name: new RegExp(`^Next: Part ${index + 2}`) }).click();
    }
    // The contents work as plain in-page links.
    await page.getByRole("navigation", { name: "In this post" }).getByText("In this post").click();
    const firstSection = page.getByRole("navigation", { name: "In this post" }).getByRole("link").first();
    const href = await firstSection.getAttribute("href");
    await firstSection.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator(href!)).toBeInViewport();
  });
});

test("at 320 px a post and the hub need no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/blog", `/blog/${SERIES[2]!.slug}`]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
  }
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`subscribing in a post, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the post's own signup form sends the confirmation email, and its answer stands where the form stood", async ({ page }) => {
      const email = `reader.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}@example.com`;
      await page.goto("/blog/secure-attachment-with-your-baby");
      const form = page.getByRole("form", { name: "Free journal prompts and worksheets" });
      await form.getByLabel("Email", { exact: true }).fill(email);
      await form.getByLabel(/Email me the newsletter/).check();
      await form.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.locator("#post-subscribe-answer").getByRole("heading", { name: "Check your inbox" })).toBeVisible();
      await expect(page).toHaveURL(/\/blog\/secure-attachment-with-your-baby(#post-subscribe-answer)?$/);
      await expect(page.locator(".post-body")).toBeAttached();
      const [confirmation] = await readEmails(email);
      expect(confirmation!.subject).toBe("Please confirm your subscription");
    });
  });
}
