import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { contentEnv } from "@/lib/env";
import { startOfDayIn } from "./dates";
import { practice } from "@/lib/practice/practice";
import { PostContentError, checkSeries, countWords, parsePostSource, readingMinutes, type ParsedPost } from "./post-schema";

/** Where the therapist's posts live, one .mdx file a post. */
export const POSTS_DIR = path.join(process.cwd(), "content", "posts");

/**
 * published: live for everyone. scheduled: dated in the future, so it goes
 * live on its date without a deploy (pages revalidate hourly). draft: never
 * live; only `next dev` shows it.
 */
export type PostStatus = "published" | "scheduled" | "draft";

export type Post = {
  slug: string;
  /** The file, relative to the project, for messages. */
  file: string;
  title: string;
  description: string;
  series: string;
  seriesSlug: string;
  part: number;
  /** YYYY-MM-DD, as written. */
  published: string;
  updated: string;
  /** When the published day begins in the practice's time zone. */
  publishedAt: Date;
  updatedAt: Date;
  tags: string[];
  contentNote: string | undefined;
  draft: boolean;
  /** The MDX after the frontmatter. */
  body: string;
  /** The line of the file where the body starts, for messages. */
  bodyLine: number;
  wordCount: number;
  readingMinutes: number;
};

export type ListedPart = { post: Post; status: PostStatus };

export type Series = {
  title: string;
  slug: string;
  /** The parts a visitor may know about, in order: published and scheduled (and drafts in development). */
  parts: ListedPart[];
  /** The highest part listed: "Part 2 of 4". */
  total: number;
};

export type PostPage = {
  post: Post;
  status: PostStatus;
  series: Series;
  previous: ListedPart | undefined;
  next: ListedPart | undefined;
};

/** Only `next dev` shows drafts and scheduled posts, each with a banner; production never does. */
export function showsUnpublished(): boolean {
  return process.env.NODE_ENV === "development";
}

export function seriesSlug(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function readFolder(dir: string, parsed: ParsedPost[], problems: string[]) {
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".mdx")) continue;
    const fullPath = path.join(dir, name);
    const relative = path.relative(process.cwd(), fullPath);
    const file = relative.startsWith("..") ? fullPath : relative;
    try {
      parsed.push(parsePostSource(file, readFileSync(fullPath, "utf8")));
    } catch (error) {
      if (!(error instanceof PostContentError)) throw error;
      problems.push(...error.problems);
    }
  }
}

/** Reads and checks every post; any problem stops the build with the file and field named. */
export function loadPosts(dirs: string[]): Post[] {
  const parsed: ParsedPost[] = [];
  const problems: string[] = [];
  for (const dir of dirs) {
    if (existsSync(dir)) readFolder(dir, parsed, problems);
    else problems.push(`${dir}: folder not found`);
  }
  const slugs = new Map<string, string>();
  for (const { file, slug } of parsed) {
    const other = slugs.get(slug);
    if (other) problems.push(`${file}: file name: ${other} already uses the address /blog/${slug}`);
    slugs.set(slug, file);
  }
  problems.push(...checkSeries(parsed));
  if (problems.length > 0) throw new PostContentError(problems);

  const posts = parsed.map(({ file, slug, frontmatter, body, bodyLine }): Post => {
    const words = countWords(body);
    const updated = frontmatter.updated ?? frontmatter.published;
    return {
      slug,
      file,
      title: frontmatter.title,
      description: frontmatter.description,
      series: frontmatter.series,
      seriesSlug: seriesSlug(frontmatter.series),
      part: frontmatter.part,
      published: frontmatter.published,
      updated,
      publishedAt: startOfDayIn(frontmatter.published, practice.timeZone),
      updatedAt: startOfDayIn(updated, practice.timeZone),
      tags: frontmatter.tags,
      contentNote: frontmatter.contentNote,
      draft: frontmatter.draft,
      body,
      bodyLine,
      wordCount: words,
      readingMinutes: readingMinutes(words),
    };
  });
  // A series begins when its first part does.
  const seriesStart = new Map<string, number>();
  for (const post of posts) if (post.part === 1) seriesStart.set(post.series, post.publishedAt.getTime());
  return posts.sort(
    (a, b) => seriesStart.get(a.series)! - seriesStart.get(b.series)! || a.series.localeCompare(b.series) || a.part - b.part,
  );
}

function postFolders(): string[] {
  // The end-to-end tests add a draft and a scheduled post from a folder of
  // their own, so that no test post ever sits among the real ones. Kept out of
  // file tracing: a deployment never ships the fixtures.
  const fixtures = contentEnv().POSTS_FIXTURES_DIR;
  return fixtures ? [POSTS_DIR, path.resolve(/*turbopackIgnore: true*/ process.cwd(), fixtures)] : [POSTS_DIR];
}

let cached: Post[] | undefined;

/** Every post, drafts included, in series and part order. Re-read on each call in development so edits show at once. */
export function allPosts(): Post[] {
  if (cached && process.env.NODE_ENV === "production") return cached;
  cached = loadPosts(postFolders());
  return cached;
}

export function postStatus(post: Post, now: Date = new Date()): PostStatus {
  if (post.draft) return "draft";
  return post.publishedAt.getTime() <= now.getTime() ? "published" : "scheduled";
}

function listed(status: PostStatus): boolean {
  return status !== "draft" || showsUnpublished();
}

/** The series as the blog hub shows them. */
export function allSeries(now: Date = new Date()): Series[] {
  const bySlug = new Map<string, Series>();
  for (const post of allPosts()) {
    const status = postStatus(post, now);
    if (!listed(status)) continue;
    const series = bySlug.get(post.seriesSlug) ?? { title: post.series, slug: post.seriesSlug, parts: [], total: 0 };
    series.parts.push({ post, status });
    series.total = Math.max(series.total, post.part);
    bySlug.set(post.seriesSlug, series);
  }
  return [...bySlug.values()];
}

/** A post as its page shows it, or undefined where a visitor must get a 404. */
export function findPostPage(slug: string, now: Date = new Date()): PostPage | undefined {
  const post = allPosts().find((candidate) => candidate.slug === slug);
  if (!post) return undefined;
  const status = postStatus(post, now);
  if (status !== "published" && !showsUnpublished()) return undefined;
  const series = allSeries(now).find((candidate) => candidate.slug === post.seriesSlug)!;
  const index = series.parts.findIndex((part) => part.post.slug === slug);
  return { post, status, series, previous: series.parts[index - 1], next: series.parts[index + 1] };
}

/**
 * The post pages built ahead of time. Scheduled posts are built too (as a
 * 404 until their day) so that hourly revalidation can bring them to life;
 * with dynamicParams off, a page not listed here could never appear.
 */
export function prerenderedSlugs(): string[] {
  return allPosts()
    .filter((post) => !post.draft || showsUnpublished())
    .map((post) => post.slug);
}

/** What feeds and the sitemap list, in every environment: published posts, newest first. */
export function publishedPosts(now: Date = new Date(), seriesSlugFilter?: string): Post[] {
  return allPosts()
    .filter((post) => postStatus(post, now) === "published" && (!seriesSlugFilter || post.seriesSlug === seriesSlugFilter))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.part - a.part);
}

/** Every series that has a file, for building its feeds. */
export function seriesSlugs(): string[] {
  return [...new Set(allPosts().filter((post) => !post.draft).map((post) => post.seriesSlug))];
}

export function postPath(slug: string): `/blog/${string}` {
  return `/blog/${slug}`;
}

/** An absolute URL on this site, for feeds, the sitemap and structured data. */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, contentEnv().APP_URL).toString();
}
