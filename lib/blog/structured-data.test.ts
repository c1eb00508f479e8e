import { describe, expect, it } from "vitest";
import { breadcrumbJsonLd, serializeJsonLd } from "./structured-data";

describe("serializeJsonLd", () => {
  it("cannot close the script element it sits in, and reads back unchanged", () => {
    const data = { headline: "</script><script>alert(1)</script> & more\u2028" };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe("breadcrumbJsonLd", () => {
  it("numbers the trail from 1", () => {
    const trail = breadcrumbJsonLd([
      { name: "Home", url: "https://example.org/" },
      { name: "Blog", url: "https://example.org/blog" },
    ]);
    expect(trail.itemListElement.map((item) => [item.position, item.name])).toEqual([
      [1, "Home"],
      [2, "Blog"],
    ]);
  });
});
