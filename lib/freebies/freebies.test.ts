import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import rawFreebies from "@/content/freebies";
import { contentEnv } from "@/lib/env";
import { officeAddress, phoneForPeople } from "@/lib/practice/contact";
import { practice } from "@/lib/practice/practice";
import { FreebieContentError, parseFreebies, pdfFileName, printedFreebies, videoFreebies } from "./catalogue";
import { renderFreebiePdf } from "./pdf";
import { isPrintable } from "./schema";

const standardFontDataUrl = `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/`;

async function readPdf(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" ").replace(/\s+/g, " "));
  }
  const info = (await pdf.getMetadata()).info as unknown as Record<string, string>;
  return { pages, info };
}

const aVideo = {
  kind: "video",
  slug: "a-settling-breath",
  title: "A Settling Breath",
  summary: "Five minutes of slow breathing.",
  time: "5 minutes",
  embedUrl: "https://player.example.com/embed/a-settling-breath",
};

describe("the freebies", () => {
  it("ship at least three sets of journal prompts and two worksheets, and no video until one is recorded", () => {
    const kinds = printedFreebies.map((freebie) => freebie.kind);
    expect(kinds.filter((kind) => kind === "journal-prompts").length).toBeGreaterThanOrEqual(3);
    expect(kinds.filter((kind) => kind === "worksheet").length).toBeGreaterThanOrEqual(2);
    // The demo's videos linked to a host that does not exist; a video comes back with a real address.
    expect(videoFreebies).toEqual([]);
  });

  it("accept a video with its host's https address", () => {
    const [video] = parseFreebies([aVideo]);
    expect(video).toMatchObject({ kind: "video", embedUrl: "https://player.example.com/embed/a-settling-breath" });
  });

  it.each([
    ["a duplicated slug", () => [...rawFreebies, rawFreebies[0]], /is used twice/],
    ["an emoji the PDF fonts cannot print", () => [{ ...rawFreebies[0], title: "Breathe 🌿" }], /0\.title: use only characters/],
    ["a video served over plain http", () => [{ ...aVideo, embedUrl: "http://video.example/x" }], /0\.embedUrl/],
    ["a slug with spaces", () => [{ ...rawFreebies[0], slug: "My Prompts" }], /0\.slug/],
  ])("stop the build with a message naming %s", (_label, content, message) => {
    expect(() => parseFreebies(content())).toThrow(FreebieContentError);
    expect(() => parseFreebies(content())).toThrow(message);
  });

  it("knows which characters the standard fonts can print", () => {
    expect(isPrintable("It’s “good enough” – café, naïve… 20–30%")).toBe(true);
    expect(isPrintable("→")).toBe(false);
    expect(isPrintable("日本")).toBe(false);
  });
});

describe.each(printedFreebies.map((freebie) => [freebie.title, freebie] as const))("the PDF of %s", (_title, freebie) => {
  it("has a title page with the title and the crisis lines, then numbered pages with every prompt", async () => {
    const { pages, info } = await readPdf(await renderFreebiePdf(freebie));
    expect(info.Title).toBe(freebie.title);
    expect(info.Author).toBe(practice.name);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain(freebie.title.replace(/\s+/g, " "));
    expect(pages[0]).toContain(practice.crisisLines[0]!.how);
    pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${pages.length}`));
    // Whichever page is printed or passed on, it says how to reach the practice.
    for (const text of pages) {
      expect(text).toContain(phoneForPeople(practice.phone!));
      expect(text).toContain(practice.contactEmail);
      expect(text).toContain(new URL(contentEnv().APP_URL).host);
    }
    // The last page answers "get in touch" with the ways to do it.
    expect(pages.at(-1)).toContain("Get in touch");
    expect(pages.at(-1)).toContain(officeAddress(practice).join(", "));
    expect(pages.at(-1)).toContain(`${new URL(contentEnv().APP_URL).host}/book`);
    const all = pages.join(" ");
    for (const block of freebie.blocks) {
      if (block.type === "prompt" || block.type === "heading") expect(all).toContain(block.text.split(" ").slice(0, 4).join(" "));
    }
    expect(pdfFileName(freebie)).toBe(`${freebie.slug}.pdf`);
  });
});
