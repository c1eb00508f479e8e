import { describe, expect, it } from "vitest";
import { headingId, rehypeHeadingAnchors, type PostHeading } from "./heading-anchors";

type Node = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] };
const text = (value: string): Node => ({ type: "text", value });
const element = (tagName: string, ...children: Node[]): Node => ({ type: "element", tagName, properties: {}, children });

describe("rehypeHeadingAnchors", () => {
  it("gives each section heading an id and lists it for the contents", () => {
    const tree: Node & { children: Node[] } = {
      type: "root",
      children: [
        element("h2", text("What attachment is")),
        element("p", text("…")),
        element("h3", text("1. Respond when your baby "), element("em", text("cries"))),
        element("h2", text("What attachment is")),
        element("h2", text("Main")),
      ],
    };
    const collect: PostHeading[] = [];
    rehypeHeadingAnchors({ collect })(tree);
    expect(collect).toEqual([
      { level: 2, id: "what-attachment-is", text: "What attachment is" },
      { level: 3, id: "1-respond-when-your-baby-cries", text: "1. Respond when your baby cries" },
      { level: 2, id: "what-attachment-is-2", text: "What attachment is" },
      // "main" is the page's own landmark id.
      { level: 2, id: "main-2", text: "Main" },
    ]);
    expect(tree.children[0]).toMatchObject({ properties: { id: "what-attachment-is" } });
  });
});

describe("headingId", () => {
  it("keeps letters and digits, folds accents and joins words with hyphens", () => {
    expect(headingId("Anxious, Avoidant & Disorganized — Up Close")).toBe("anxious-avoidant-and-disorganized-up-close");
    expect(headingId("Café für Eltern")).toBe("cafe-fur-eltern");
    expect(headingId("???")).toBe("section");
  });
});
