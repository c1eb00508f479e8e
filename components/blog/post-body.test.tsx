import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BOOK_INTAKE_HREF } from "@/components/blog/calls-to-action";
import { PostContentError } from "@/lib/blog/post-schema";
import { renderPostBody, unknownComponents } from "./post-body";
import type { Post } from "@/lib/blog/posts";

const post = (body: string) => ({ file: "content/posts/test.mdx", slug: "test", body, bodyLine: 12 }) as Post;
const subscribeAction = async () => ({ status: "idle" }) as const;
const render = (body: string) => renderPostBody(post(body), { subscribeAction });

describe("renderPostBody", () => {
  it("renders the MDX with anchored headings, the contents that match them, and the calls to action", async () => {
    const { content, headings } = await render(
      "Intro with [a link](/blog/other).\n\n## First *section*\n\n### A detail\n\n<BookIntakeCallout />\n\n<SubscribeCallout />\n\n## First section\n",
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
    // The signup is a real form, posting with the post as its source.
    expect(html).toMatch(/<form[^>]*class="subscribe-plain"/);
    expect(html).toContain('name="source" value="post:test"');
    expect(html).toContain('<a href="/blog/other">a link</a>');
  });

  it("stops the build on a component posts cannot use, naming the file and line", async () => {
    await expect(render("Hello\n\n<Quiz />\n")).rejects.toThrow(PostContentError);
    expect(unknownComponents("Hello\n\n<Quiz />\n<SubscribeCallout />", 12)).toEqual([{ name: "Quiz", line: 14 }]);
  });

  it("names the file when the MDX does not compile", async () => {
    await expect(render("An unclosed <div> tag\n")).rejects.toThrow(/^The blog posts have a problem:\n {2}- content\/posts\/test\.mdx: body:/);
  });
});
