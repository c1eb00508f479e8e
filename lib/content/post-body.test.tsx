import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BOOK_INTAKE_HREF } from "@/components/blog/calls-to-action";
import { PostContentError } from "./post-schema";
import { renderPostBody, unknownComponents } from "./post-body";
import type { Post } from "./posts";

const post = (body: string) => ({ file: "content/posts/test.mdx", body, bodyLine: 12 }) as Post;

describe("renderPostBody", () => {
  it("renders the MDX with anchored headings, the contents that match them, and the calls to action", async () => {
    const { content, headings } = await renderPostBody(
      post("Intro with [a link](/blog/other).\n\n## First *section*\n\n### A detail\n\n<BookIntakeCallout />\n\n## First section\n"),
    );
    expect(headings).toEqual([
      { level: 2, id: "first-section", text: "First section" },
      { level: 3, id: "a-detail", text: "A detail" },
      { level: 2, id: "first-section-2", text: "First section" },
    ]);
    const html = renderToStaticMarkup(content);
    expect(html).toContain('<h2 id="first-section">First <em>section</em></h2>');
    expect(html).toContain('<h2 id="first-section-2">');
    expect(html).toContain(`href="${BOOK_INTAKE_HREF}"`);
    expect(html).toContain('<a href="/blog/other">a link</a>');
  });

  it("stops the build on a component posts cannot use, naming the file and line", async () => {
    await expect(renderPostBody(post("Hello\n\n<Quiz />\n"))).rejects.toThrow(PostContentError);
    expect(unknownComponents("Hello\n\n<Quiz />\n<SubscribeCallout />", 12)).toEqual([{ name: "Quiz", line: 14 }]);
  });

  it("names the file when the MDX does not compile", async () => {
    await expect(renderPostBody(post("An unclosed <div> tag\n"))).rejects.toThrow(/^The blog posts have a problem:\n {2}- content\/posts\/test\.mdx: body:/);
  });
});
