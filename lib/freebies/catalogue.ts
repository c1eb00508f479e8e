import rawFreebies from "@/content/freebies";
import { freebieCatalogueSchema, type Freebie, type PrintedFreebie, type VideoFreebie } from "./schema";

export class FreebieContentError extends Error {
  constructor(readonly issues: string[]) {
    super(`content/freebies has ${issues.length === 1 ? "a bad value" : "bad values"}:\n  - ${issues.join("\n  - ")}`);
    this.name = "FreebieContentError";
  }
}

/** Validates the freebies, naming each bad value by its place in the list. */
export function parseFreebies(input: unknown): Freebie[] {
  const result = freebieCatalogueSchema.safeParse(input);
  if (result.success) return result.data;
  throw new FreebieContentError(result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`));
}

/**
 * Everything a subscriber gets, validated at import so a mistake in
 * content/freebies stops the build with a message naming the field.
 */
export const freebies: Freebie[] = parseFreebies(rawFreebies);

export const printedFreebies = freebies.filter((freebie): freebie is PrintedFreebie => freebie.kind !== "video");
export const videoFreebies = freebies.filter((freebie): freebie is VideoFreebie => freebie.kind === "video");

export function findPrintedFreebie(slug: string): PrintedFreebie | undefined {
  return printedFreebies.find((freebie) => freebie.slug === slug);
}

/** The name a download is saved under. */
export function pdfFileName(freebie: PrintedFreebie): string {
  return `${freebie.slug}.pdf`;
}
