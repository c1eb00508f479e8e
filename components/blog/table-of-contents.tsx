import type { PostHeading } from "@/lib/blog/heading-anchors";

type Section = PostHeading & { children: PostHeading[] };

function nest(headings: PostHeading[]): Section[] {
  const sections: Section[] = [];
  for (const heading of headings) {
    const parent = sections.at(-1);
    if (heading.level === 3 && parent) parent.children.push(heading);
    else sections.push({ ...heading, children: [] });
  }
  return sections;
}

/** The post's sections as in-page links; they work without JavaScript. */
export function TableOfContents({ headings }: { headings: PostHeading[] }) {
  if (headings.length < 2) return null;
  return (
    <nav className="toc" aria-labelledby="post-contents-heading" id="post-contents">
      <h2 id="post-contents-heading">In this post</h2>
      <ol>
        {nest(headings).map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.text}</a>
            {section.children.length > 0 ? (
              <ol>
                {section.children.map((child) => (
                  <li key={child.id}>
                    <a href={`#${child.id}`}>{child.text}</a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
