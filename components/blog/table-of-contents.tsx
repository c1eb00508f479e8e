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

/**
 * The post's sections as in-page links, folded under a <details> so that on a
 * phone the first paragraph is on the first screen; opening it needs no
 * JavaScript. Plain lists, not numbered ones: some headings carry numbers of
 * their own ("1. Respond when your baby cries"), and a second number beside
 * them reads "1. 1.".
 */
export function TableOfContents({ headings }: { headings: PostHeading[] }) {
  if (headings.length < 2) return null;
  const sections = nest(headings);
  return (
    <nav className="toc" aria-label="In this post" id="post-contents">
      <details>
        <summary>
          In this post <span className="toc-count">· {sections.length} sections</span>
        </summary>
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.text}</a>
              {section.children.length > 0 ? (
                <ul>
                  {section.children.map((child) => (
                    <li key={child.id}>
                      <a href={`#${child.id}`}>{child.text}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}
