import { describe, expect, it } from "vitest";
import { PostContentError, checkPostBody, checkSeries, countWords, parsePostSource, readingMinutes } from "./post-schema";

const FILE = "content/posts/a-post.mdx";

function source(frontmatter: Record<string, string>, body = "Hello.\n\n## A section\n\nText.\n") {
  const lines = Object.entries(frontmatter).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}

const valid = {
  title: '"Insecure Attachment: What It Is"',
  description: '"How inconsistent, unavailable or frightening care shapes a child\'s bond, and why repair matters."',
  series: '"The attachment bond"',
  part: "2",
  published: '"2026-09-22"',
  updated: '"2026-09-30"',
  tags: '["attachment", "relational-trauma"]',
  contentNote: '"This post discusses frightening care in childhood."',
  draft: "false",
};

/** The messages a bad post produces; each must name the file and the field. */
function problemsOf(text: string, file = FILE): string[] {
  try {
    parsePostSource(file, text);
  } catch (error) {
    if (error instanceof PostContentError) return error.problems;
    throw error;
  }
  throw new Error("expected the post to be refused");
}

describe("parsePostSource", () => {
  it("reads a valid post, its slug from the file name", () => {
    const post = parsePostSource(FILE, source(valid));
    expect(post.slug).toBe("a-post");
    expect(post.frontmatter).toEqual({
      title: "Insecure Attachment: What It Is",
      description: "How inconsistent, unavailable or frightening care shapes a child's bond, and why repair matters.",
      series: "The attachment bond",
      part: 2,
      published: "2026-09-22",
      updated: "2026-09-30",
      tags: ["attachment", "relational-trauma"],
      contentNote: "This post discusses frightening care in childhood.",
      draft: false,
    });
    expect(post.body).toContain("## A section");
  });

  it("accepts unquoted YAML dates as the day written, and leaves out what is optional", () => {
    const { updated: _updated, contentNote: _note, tags: _tags, draft: _draft, ...required } = valid;
    const post = parsePostSource(FILE, source({ ...required, published: "2026-09-22" }));
    expect(post.frontmatter.published).toBe("2026-09-22");
    expect(post.frontmatter.updated).toBeUndefined();
    expect(post.frontmatter.draft).toBe(false);
    expect(post.frontmatter.tags).toEqual([]);
  });

  it.each([
    ["a missing title", { title: undefined }, "title: give the post a title"],
    ["a description too short for search results", { description: '"Too short."' }, "description: write at least 50 characters"],
    ["a part that is not a number", { part: '"two"' }, "part: use the part's number"],
    ["a part of zero", { part: "0" }, "part: parts count from 1"],
    ["a day that does not exist", { published: '"2026-02-30"' }, "published: use a real date"],
    ["a date in another format", { published: '"22 September 2026"' }, "published: use a real date"],
    ["an update before publication", { updated: '"2026-09-01"' }, "updated: cannot be earlier than published"],
    ["a tag with spaces", { tags: '["Relational Trauma"]' }, "tags.0: use lowercase words"],
    ["draft spelled as a word", { draft: '"no"' }, "draft: use true or false"],
    ["a misspelled field", { contentnote: '"x"' }, "contentnote: not a known field"],
  ])("refuses %s, naming the file and the field", (_label, change, expected) => {
    const frontmatter = { ...valid, ...change } as Record<string, string | undefined>;
    const defined = Object.fromEntries(Object.entries(frontmatter).filter(([, value]) => value !== undefined)) as Record<string, string>;
    expect(problemsOf(source(defined))).toContainEqual(expect.stringContaining(`${FILE}: ${expected}`));
  });

  it("reports every problem of a post at once", () => {
    expect(problemsOf(source({ ...valid, part: "0", published: '"soon"' }))).toHaveLength(2);
  });

  it("refuses a file without frontmatter, and YAML that does not parse", () => {
    expect(problemsOf("Just words.")[0]).toContain(`${FILE}: frontmatter: missing`);
    expect(problemsOf("---\ntitle: [unclosed\n---\nText")[0]).toContain(`${FILE}: frontmatter: not valid YAML`);
  });

  it("refuses a file name that cannot be an address", () => {
    expect(problemsOf(source(valid), "content/posts/My Post.mdx")[0]).toContain("content/posts/My Post.mdx: file name:");
    expect(problemsOf(source(valid), "content/posts/series.mdx")[0]).toContain("is taken by the blog itself");
  });

  it("names the line of the file where the outline breaks", () => {
    const problems = problemsOf(source(valid, "Intro.\n\n### Too deep too soon\n"));
    // 11 frontmatter lines and a blank line come before the body.
    expect(problems).toEqual([`${FILE}: line 15: a ### heading needs a ## section above it`]);
  });
});

describe("checkPostBody", () => {
  it("accepts ## sections with ### inside, and ignores # in code", () => {
    expect(checkPostBody("Intro\n\n## One\n\n### One a\n\n## Two\n\n```\n# not a heading\n```\n")).toEqual([]);
  });

  it("refuses import and export lines, which MDX would otherwise drop or run", () => {
    expect(checkPostBody('Hello\n\nimport fs from "node:fs"\n\nexport const x = 1\n')).toEqual([
      { line: 3, message: expect.stringContaining("cannot import or export") },
      { line: 5, message: expect.stringContaining("cannot import or export") },
    ]);
  });

  it("refuses a second h1, a ### before any ##, and anything deeper than ###", () => {
    expect(checkPostBody("# Title again\n\n### Early\n\n## Fine\n\n#### Deep\n").map((problem) => problem.line)).toEqual([1, 3, 7]);
  });
});

describe("checkSeries", () => {
  const post = (file: string, series: string, part: number) => ({ file, frontmatter: { series, part } as never });

  it("accepts parts 1 to n, in any file order", () => {
    expect(checkSeries([post("b.mdx", "S", 2), post("a.mdx", "S", 1), post("c.mdx", "T", 1)])).toEqual([]);
  });

  it("names both files when two claim the same part, and a part that is missing", () => {
    expect(checkSeries([post("a.mdx", "S", 1), post("b.mdx", "S", 1)])).toEqual(['b.mdx: part: part 1 of "S" is already a.mdx']);
    expect(checkSeries([post("a.mdx", "S", 1), post("c.mdx", "S", 3)])).toEqual(['c.mdx: part: "S" has part 3 but no part 2']);
  });
});

describe("countWords and readingMinutes", () => {
  it("counts what a reader reads, not markup, link targets or components", () => {
    expect(countWords("## Self-regulation\n\n- A [good enough](/blog/x) parent.\n\n<SubscribeCallout />\n")).toBe(5);
  });

  it("reads 200 words a minute, never less than a minute", () => {
    expect(readingMinutes(1500)).toBe(8);
    expect(readingMinutes(20)).toBe(1);
  });
});
