import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { atomFeed, escapeXml, rssFeed, type Feed } from "./feeds";

const feed: Feed = {
  title: "Still Water Therapy <blog>",
  description: "Posts & series",
  pageUrl: "https://example.org/blog",
  selfUrl: "https://example.org/blog/rss.xml",
  language: "en-US",
  author: "Maya Ellison",
  entries: [
    {
      title: 'Anxious, "avoidant" & <disorganized>',
      url: "https://example.org/blog/insecure-attachment-styles",
      summary: "A closer look\u0007 at the styles.",
      published: new Date("2026-10-13T07:00:00Z"),
      updated: new Date("2026-10-20T07:00:00Z"),
      categories: ["attachment", "relationships"],
    },
    {
      title: "Secure attachment",
      url: "https://example.org/blog/secure-attachment-with-your-baby",
      summary: "Part one.",
      published: new Date("2026-09-01T07:00:00Z"),
      updated: new Date("2026-09-01T07:00:00Z"),
      categories: [],
    },
  ],
};

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["item", "entry", "category", "link"].includes(name) });

describe("rssFeed", () => {
  it("is well-formed RSS 2.0 that keeps markup in titles as text", () => {
    const xml = rssFeed(feed);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = parser.parse(xml);
    expect(rss["@_version"]).toBe("2.0");
    expect(rss.channel.title).toBe("Still Water Therapy <blog>");
    expect(rss.channel.item.map((item: { title: string }) => item.title)).toEqual(['Anxious, "avoidant" & <disorganized>', "Secure attachment"]);
    expect(rss.channel.item[0].pubDate).toBe("Tue, 13 Oct 2026 07:00:00 GMT");
    expect(rss.channel.item[0].description).toBe("A closer look at the styles.");
    expect(rss.channel.lastBuildDate).toBe("Tue, 20 Oct 2026 07:00:00 GMT");
  });
});

describe("atomFeed", () => {
  it("is well-formed Atom with an id and dates for every entry", () => {
    const xml = atomFeed(feed);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml).feed;
    expect(parsed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(parsed.updated).toBe("2026-10-20T07:00:00.000Z");
    expect(parsed.entry[0].id).toBe("https://example.org/blog/insecure-attachment-styles");
    expect(parsed.entry[0].category.map((category: { "@_term": string }) => category["@_term"])).toEqual(["attachment", "relationships"]);
  });

  it("still has a date when nothing is published yet", () => {
    const xml = atomFeed({ ...feed, entries: [] });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).feed.updated).toBe("1970-01-01T00:00:00.000Z");
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials and drops characters XML cannot carry", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>\u0000`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  });
});
