import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PostContentError } from "./post-schema";
import { POSTS_DIR, allPosts, allSeries, findPostPage, loadPosts, postStatus, prerenderedSlugs, publishedPosts } from "./posts";

const FIXTURES_DIR = "e2e/fixtures/posts";
const AFTER_THE_SERIES = new Date("2026-12-01T00:00:00Z");

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the attachment bond series, as shipped", () => {
  const posts = loadPosts([POSTS_DIR]);

  it("is four parts in order, each a real article of at least 800 words with a content note", () => {
    expect(posts.map((post) => [post.part, post.slug])).toEqual([
      [1, "secure-attachment-with-your-baby"],
      [2, "insecure-attachment"],
      [3, "insecure-attachment-styles"],
      [4, "recognizing-your-attachment-style"],
    ]);
    for (const post of posts) {
      expect(post.series).toBe("The attachment bond");
      expect(post.draft).toBe(false);
      expect(post.wordCount, post.file).toBeGreaterThanOrEqual(800);
      expect(post.contentNote, post.file).toBeTruthy();
    }
  });

  it("makes booking the next step in every post", () => {
    for (const post of posts) expect(post.body, post.file).toContain("<BookIntakeCallout />");
  });

  it("links only to posts that exist", () => {
    const slugs = new Set(posts.map((post) => post.slug));
    for (const post of posts) {
      for (const [, slug] of post.body.matchAll(/\]\(\/blog\/([^)#\s]+)/g)) expect(slugs, `${post.file} links to ${slug}`).toContain(slug);
    }
  });

  it("is written in American English for a practice in Oregon", () => {
    const british = /\b(recognis\w*|organis\w*|disorganis\w*|paediatric\w*|behaviour\w*|colour\w*|favour\w*|judgement|practis(e|ed|ing)|towards|straight away|cot|wellbeing|mum|nappy|pram|specialis\w*)\b/gi;
    for (const post of posts) expect(`${post.title} ${post.description} ${post.body}`.match(british), post.file).toBeNull();
  });

  it("never promises a cure", () => {
    for (const post of posts) expect(post.body, post.file).not.toMatch(/\b(cure[sd]?|guarantee[sd]?( to)? (heal|fix)|fix you)\b/i);
  });
});

describe("publication by date", () => {
  const [first] = loadPosts([POSTS_DIR]);

  it("publishes a post at midnight in the practice's time zone on its date", () => {
    // Part 1 is dated 2026-09-01: midnight in Portland is 07:00 UTC.
    expect(postStatus(first!, new Date("2026-09-01T06:59:59Z"))).toBe("scheduled");
    expect(postStatus(first!, new Date("2026-09-01T07:00:00Z"))).toBe("published");
    expect(postStatus({ ...first!, draft: true }, AFTER_THE_SERIES)).toBe("draft");
  });
});

describe("with the test fixtures loaded (a draft and a scheduled post)", () => {
  it("builds the scheduled post's page so it can appear on its day, but never the draft's", () => {
    vi.stubEnv("POSTS_FIXTURES_DIR", FIXTURES_DIR);
    vi.stubEnv("NODE_ENV", "production");
    expect(prerenderedSlugs()).toContain("fixture-scheduled-post");
    expect(prerenderedSlugs()).not.toContain("fixture-draft-post");
  });

  it("shows neither to visitors in production: no page, no feed or sitemap entry; the hub lists the scheduled one as coming", () => {
    vi.stubEnv("POSTS_FIXTURES_DIR", FIXTURES_DIR);
    vi.stubEnv("NODE_ENV", "production");
    expect(findPostPage("fixture-scheduled-post", AFTER_THE_SERIES)).toBeUndefined();
    expect(findPostPage("fixture-draft-post", AFTER_THE_SERIES)).toBeUndefined();
    expect(publishedPosts(AFTER_THE_SERIES).map((post) => post.slug)).toEqual([
      "recognizing-your-attachment-style",
      "insecure-attachment-styles",
      "insecure-attachment",
      "secure-attachment-with-your-baby",
    ]);
    const fixtureSeries = allSeries(AFTER_THE_SERIES).find((series) => series.title === "Fixture series");
    expect(fixtureSeries?.parts.map((part) => [part.post.slug, part.status])).toEqual([["fixture-scheduled-post", "scheduled"]]);
  });

  it("shows both in development, marked for what they are", () => {
    vi.stubEnv("POSTS_FIXTURES_DIR", FIXTURES_DIR);
    vi.stubEnv("NODE_ENV", "development");
    expect(findPostPage("fixture-draft-post", AFTER_THE_SERIES)?.status).toBe("draft");
    expect(findPostPage("fixture-scheduled-post", AFTER_THE_SERIES)?.status).toBe("scheduled");
    expect(publishedPosts(AFTER_THE_SERIES).map((post) => post.slug)).not.toContain("fixture-draft-post");
  });

  it("gives each post its neighbours within its own series", () => {
    vi.stubEnv("POSTS_FIXTURES_DIR", FIXTURES_DIR);
    const page = findPostPage("insecure-attachment", AFTER_THE_SERIES)!;
    expect(page.series.total).toBe(4);
    expect(page.previous?.post.slug).toBe("secure-attachment-with-your-baby");
    expect(page.next?.post.slug).toBe("insecure-attachment-styles");
    expect(findPostPage("recognizing-your-attachment-style", AFTER_THE_SERIES)?.next).toBeUndefined();
  });

  it("lists the series in the order they began", () => {
    vi.stubEnv("POSTS_FIXTURES_DIR", FIXTURES_DIR);
    expect(allSeries(AFTER_THE_SERIES).map((series) => series.title)).toEqual(["The attachment bond", "Fixture series"]);
    expect(allPosts().length).toBe(6);
  });
});

describe("loadPosts", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("stops the build naming every bad file, and a folder that is not there", () => {
    dir = mkdtempSync(path.join(tmpdir(), "attune-posts-"));
    const post = (part: number, extra = "") =>
      `---\ntitle: "A post"\ndescription: "A description that is long enough to be shown in search results."\nseries: "Series S"\npart: ${part}\npublished: "2026-01-01"\n${extra}---\nText\n`;
    writeFileSync(path.join(dir, "one.mdx"), post(1));
    writeFileSync(path.join(dir, "also-one.mdx"), post(1));
    writeFileSync(path.join(dir, "bad-date.mdx"), post(2).replace("2026-01-01", "2026-13-01"));
    writeFileSync(path.join(dir, "notes.txt"), "not a post");
    let problems: string[] = [];
    try {
      loadPosts([dir, path.join(dir, "missing")]);
    } catch (error) {
      if (!(error instanceof PostContentError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      `${dir}/bad-date.mdx: published: use a real date like 2026-09-01`,
      `${dir}/missing: folder not found`,
      `${dir}/one.mdx: part: part 1 of "Series S" is already ${dir}/also-one.mdx`,
    ]);
  });
});
