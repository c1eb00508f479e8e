import "server-only";
import { evaluate } from "next-mdx-remote-client/rsc";
import type { ReactElement } from "react";
import { POST_COMPONENT_NAMES, postComponents } from "@/components/blog/mdx-components";
import { rehypeHeadingAnchors, type PostHeading } from "@/lib/blog/heading-anchors";
import { PostContentError } from "@/lib/blog/post-schema";
import type { Post } from "@/lib/blog/posts";
import type { SubscribeFormState } from "@/lib/newsletter/subscribe";

/** Capitalized tags a post uses that are not among the components posts may use. */
export function unknownComponents(body: string, firstLine = 1): { name: string; line: number }[] {
  const known = new Set<string>(POST_COMPONENT_NAMES);
  const unknown: { name: string; line: number }[] = [];
  body.split("\n").forEach((text, index) => {
    for (const match of text.matchAll(/<([A-Z][\w.]*)/g)) {
      if (!known.has(match[1]!)) unknown.push({ name: match[1]!, line: firstLine + index });
    }
  });
  return unknown;
}

/**
 * Compiles a post's MDX on the server, at build time for every prerendered
 * page. Imports and exports are switched off: a post is words and the two
 * call-to-action components, never code.
 */
export async function renderPostBody(
  post: Post,
  { subscribeAction }: { subscribeAction: (state: SubscribeFormState, formData: FormData) => Promise<SubscribeFormState> },
): Promise<{ content: ReactElement; headings: PostHeading[] }> {
  const unknown = unknownComponents(post.body, post.bodyLine);
  if (unknown.length > 0) {
    throw new PostContentError(
      unknown.map(
        ({ name, line }) => `${post.file}: line ${line}: <${name} /> is not something a post can use; use ${POST_COMPONENT_NAMES.map((n) => `<${n} />`).join(" or ")}`,
      ),
    );
  }
  const headings: PostHeading[] = [];
  const { content, error } = await evaluate({
    source: post.body,
    components: postComponents({ subscribeAction, postSlug: post.slug }),
    options: {
      disableImports: true,
      disableExports: true,
      mdxOptions: { rehypePlugins: [[rehypeHeadingAnchors, { collect: headings }]] },
    },
  });
  if (error) throw new PostContentError([`${post.file}: body: ${error.message}`]);
  return { content, headings };
}
