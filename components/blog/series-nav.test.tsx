import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ListedPart, Post } from "@/lib/blog/posts";
import { SeriesNav } from "./series-nav";

const part = (n: number, status: ListedPart["status"]): ListedPart => ({
  post: { slug: `part-${n}`, part: n, title: `Part ${n} title`, published: "2099-01-01" } as Post,
  status,
});

describe("SeriesNav", () => {
  it("links to a published neighbour", () => {
    const html = renderToStaticMarkup(<SeriesNav seriesTitle="S" previous={part(1, "published")} next={part(3, "published")} />);
    expect(html).toContain('href="/blog/part-1"');
    expect(html).toContain('href="/blog/part-3"');
  });

  it("names a scheduled next part and its date, without a link that would 404", () => {
    const html = renderToStaticMarkup(<SeriesNav seriesTitle="S" previous={part(1, "published")} next={part(3, "scheduled")} />);
    expect(html).not.toContain('href="/blog/part-3"');
    expect(html).toContain("Next: Part 3, coming January 1, 2099");
  });

  it("renders nothing for a series of one", () => {
    expect(renderToStaticMarkup(<SeriesNav seriesTitle="S" />)).toBe("");
  });
});
