import { z } from "zod";

// The PDFs are set in the standard PDF fonts, whose encoding (WinAnsi) covers
// English with curly quotes, dashes and accented letters but not arrows,
// emoji or other scripts. Refusing those here beats a square box on paper.
const WIN_ANSI_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
export function isPrintable(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0x0a) continue;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) continue;
    if (WIN_ANSI_EXTRAS.includes(char)) continue;
    return false;
  }
  return true;
}

const printable = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine(isPrintable, "use only characters the PDF fonts can print (no emoji, arrows or symbols beyond ordinary punctuation)");

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case words joined by hyphens, e.g. soothing-your-stress");

/** One piece of a printable page, in reading order. */
export const pageBlockSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("heading"), text: printable(120) }),
  z.strictObject({ type: z.literal("paragraph"), text: printable(2000) }),
  // A question with ruled lines to write on.
  z.strictObject({ type: z.literal("prompt"), text: printable(600), lines: z.number().int().min(1).max(20).default(6) }),
  z.strictObject({ type: z.literal("checklist"), items: z.array(printable(200)).min(1).max(20) }),
  // A grid of empty cells to fill in by hand; rowLabels, when given, fill the first column.
  z.strictObject({
    type: z.literal("table"),
    columns: z.array(printable(40)).min(2).max(5),
    rows: z.number().int().min(1).max(14).optional(),
    rowLabels: z.array(printable(40)).min(1).max(14).optional(),
  }),
  // "Circle a number from 0 to 10."
  z.strictObject({ type: z.literal("scale"), text: printable(300), low: printable(40), high: printable(40) }),
  z.strictObject({ type: z.literal("note"), text: printable(800) }),
]);

const printedFreebie = {
  slug,
  title: printable(80),
  subtitle: printable(160),
  // Shown on /freebies and in the library, and on the PDF's title page.
  summary: printable(400),
  // About how long it takes, as a person would say it.
  time: printable(60),
  blocks: z.array(pageBlockSchema).min(3),
};

export const freebieSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("journal-prompts"), ...printedFreebie }),
  z.strictObject({ kind: z.literal("worksheet"), ...printedFreebie }),
  z.strictObject({
    kind: z.literal("video"),
    slug,
    title: z.string().min(1).max(80),
    summary: z.string().min(1).max(400),
    time: z.string().min(1).max(40),
    // Where the video is embedded by its host. The library links to it rather
    // than framing it, so no page of this site loads anything from elsewhere.
    embedUrl: z.url({ protocol: /^https$/, error: "use the https address the video host gives for embedding" }),
  }),
]);

export const freebieCatalogueSchema = z
  .array(freebieSchema)
  .min(1)
  .superRefine((freebies, ctx) => {
    const seen = new Set<string>();
    freebies.forEach((freebie, index) => {
      if (seen.has(freebie.slug)) ctx.addIssue({ code: "custom", path: [index, "slug"], message: `"${freebie.slug}" is used twice` });
      seen.add(freebie.slug);
    });
  });

export type Freebie = z.infer<typeof freebieSchema>;
export type PrintedFreebie = Extract<Freebie, { kind: "journal-prompts" | "worksheet" }>;
export type VideoFreebie = Extract<Freebie, { kind: "video" }>;
export type PageBlock = z.infer<typeof pageBlockSchema>;
export type FreebieInput = z.input<typeof freebieSchema>;

export const freebieKindLabels: Record<Freebie["kind"], string> = {
  "journal-prompts": "Journal prompts",
  worksheet: "Worksheet",
  video: "Video",
};
