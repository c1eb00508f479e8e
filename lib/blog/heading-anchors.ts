/** A section of a post, for its table of contents. */
export type PostHeading = { level: 2 | 3; id: string; text: string };

// Just enough of the hast tree for this plugin; MDX hands over more.
type HastNode = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
};

// Ids the page around a post already uses; a heading never takes them.
const PAGE_IDS = ["main", "crisis-help", "crisis-help-heading", "post-contents", "post-contents-heading", "about-the-author"];

export function headingId(text: string): string {
  const id = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return id || "section";
}

function textOf(node: HastNode): string {
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

/**
 * A rehype plugin: gives each ## and ### heading a unique id, so the table of
 * contents can link to it, and records the headings in `collect` as it goes.
 * One pass over the compiled tree, so the contents can never disagree with
 * the ids on the page.
 */
export function rehypeHeadingAnchors({ collect }: { collect: PostHeading[] }) {
  return (tree: HastNode) => {
    const used = new Set(PAGE_IDS);
    const visit = (node: HastNode) => {
      if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3")) {
        const text = textOf(node).replace(/\s+/g, " ").trim();
        const base = headingId(text);
        let id = base;
        for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
        used.add(id);
        node.properties = { ...node.properties, id };
        collect.push({ level: node.tagName === "h2" ? 2 : 3, id, text });
        return;
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
