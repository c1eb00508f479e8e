import matter from "gray-matter";
import { z } from "zod";
import { isCalendarDate } from "./dates";

// YAML reads an unquoted 2026-09-01 as a timestamp; a post means the day.
const calendarDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string({ error: "use a date like 2026-09-01" }).refine(isCalendarDate, "use a real date like 2026-09-01"),
);

const tag = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase words joined by hyphens, like relational-trauma");

/** What a post's frontmatter may say. Unknown keys are refused so a typo is caught, not ignored. */
export const postFrontmatterSchema = z
  .strictObject({
    title: z.string({ error: "give the post a title" }).trim().min(5, "use at least 5 characters").max(110, "keep it under 110 characters"),
    // Shown by search engines and link previews, which cut off around 160 characters.
    description: z
      .string({ error: "add a one- or two-sentence summary" })
      .trim()
      .min(50, "write at least 50 characters: search results show it")
      .max(170, "keep it under 170 characters: search results cut it off"),
    series: z.string({ error: "name the series this post belongs to" }).trim().min(2).max(80),
    part: z.int({ error: "use the part's number, like 2" }).min(1, "parts count from 1").max(50),
    published: calendarDate,
    updated: calendarDate.optional(),
    tags: z.array(tag).max(10).default([]),
    contentNote: z.string().trim().min(10, "say in a sentence what the post touches on").max(300).optional(),
    draft: z.boolean({ error: "use true or false" }).default(false),
  })
  // Zod runs this even when a date above was refused; only compare real dates.
  .refine((post) => !post.updated || !isCalendarDate(post.published) || !isCalendarDate(post.updated) || post.updated >= post.published, {
    path: ["updated"],
    message: "cannot be earlier than published",
  });

export type PostFrontmatter = z.infer<typeof postFrontmatterSchema>;

/** A problem in one post file, phrased so the therapist can find and fix it. */
export class PostContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The blog posts have ${problems.length === 1 ? "a problem" : "problems"}:\n  - ${problems.join("\n  - ")}`);
    this.name = "PostContentError";
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Paths under /blog that are not posts.
const RESERVED_SLUGS = new Set(["series", "rss", "atom", "feed"]);

export type ParsedPost = { file: string; slug: string; frontmatter: PostFrontmatter; body: string; bodyLine: number };

/**
 * Reads one post file. `file` is the path shown in messages; the slug (the
 * address, /blog/<slug>) is the file's name without `.mdx`.
 */
export function parsePostSource(file: string, source: string): ParsedPost {
  const name = file.split(/[\\/]/).pop() ?? file;
  const slug = name.replace(/\.mdx$/, "");
  const problems: string[] = [];
  if (!SLUG.test(slug)) problems.push(`${file}: file name: use lowercase words joined by hyphens, like insecure-attachment.mdx`);
  if (RESERVED_SLUGS.has(slug)) problems.push(`${file}: file name: "${slug}" is taken by the blog itself; choose another`);

  let parsed: matter.GrayMatterFile<string>;
  try {
    // The options object keeps gray-matter from caching by content: its cache
    // hands back the same mutable object for identical files.
    parsed = matter(source, {});
  } catch (error) {
    throw new PostContentError([`${file}: frontmatter: not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`]);
  }
  if (Object.keys(parsed.data).length === 0) problems.push(`${file}: frontmatter: missing; start the file with --- and the post's details`);

  const result = postFrontmatterSchema.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.join(".") || (issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "frontmatter");
      const message = issue.code === "unrecognized_keys" ? "not a known field (check the spelling)" : issue.message;
      problems.push(`${file}: ${field}: ${message}`);
    }
  }
  const bodyLine = source.slice(0, source.length - parsed.content.length).split("\n").length;
  problems.push(...checkPostBody(parsed.content).map((problem) => `${file}: line ${problem.line + bodyLine - 1}: ${problem.message}`));
  if (problems.length > 0 || !result.success) throw new PostContentError(problems);
  return { file, slug, frontmatter: result.data, body: parsed.content, bodyLine };
}

/**
 * The page's title is the only h1, so a post's own headings are ## sections
 * with ### inside them. Anything else leaves a gap in the outline that screen
 * reader users navigate by. Also refuses import and export lines.
 */
export function checkPostBody(body: string): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  let fence: string | null = null;
  let sawSection = false;
  body.split("\n").forEach((text, index) => {
    const line = index + 1;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(text);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1]![0]!;
      else if (fenceMatch[1]![0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    // MDX would run these; the compiler drops them instead, which would leave a silent hole in the post.
    if (/^(import|export)\s/.test(text)) {
      problems.push({ line, message: "posts cannot import or export code; use only text and the call-to-action components" });
      return;
    }
    const heading = /^\s{0,3}(#{1,6})(?:[ \t]|$)/.exec(text);
    if (!heading) return;
    const level = heading[1]!.length;
    if (level === 2) sawSection = true;
    else if (level === 1) problems.push({ line, message: "use ## for a section heading; the title is the page's only # heading" });
    else if (level === 3 && !sawSection) problems.push({ line, message: "a ### heading needs a ## section above it" });
    else if (level > 3) problems.push({ line, message: `use ## or ###; ${"#".repeat(level)} is too deep for a post` });
  });
  return problems;
}

/** Checks across files: one post per part of a series, and no part skipped. */
export function checkSeries(posts: Pick<ParsedPost, "file" | "frontmatter">[]): string[] {
  const problems: string[] = [];
  const bySeries = new Map<string, Pick<ParsedPost, "file" | "frontmatter">[]>();
  for (const post of posts) bySeries.set(post.frontmatter.series, [...(bySeries.get(post.frontmatter.series) ?? []), post]);
  for (const [series, parts] of bySeries) {
    const byPart = new Map<number, string>();
    for (const { file, frontmatter } of parts) {
      const other = byPart.get(frontmatter.part);
      if (other) problems.push(`${file}: part: part ${frontmatter.part} of "${series}" is already ${other}`);
      else byPart.set(frontmatter.part, file);
    }
    const highest = Math.max(...byPart.keys());
    for (let part = 1; part < highest; part += 1) {
      if (!byPart.has(part)) problems.push(`${byPart.get(highest)}: part: "${series}" has part ${highest} but no part ${part}`);
    }
  }
  return problems;
}

/** Words a reader reads: markdown syntax, link targets and MDX components left out. */
export function countWords(body: string): number {
  const text = body
    .replace(/^\s*(`{3,}|~{3,})[\s\S]*?^\s*\1/gm, " ")
    .replace(/<[A-Z][\w.]*[^>]*\/>/g, " ")
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/[#*_`>[\]|]+/g, " ");
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Minutes to read at an unhurried 200 words a minute, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 200));
}
