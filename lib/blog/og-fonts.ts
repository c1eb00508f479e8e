import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

const FONTS_DIR = path.join(process.cwd(), "assets", "fonts");

/**
 * Inter, read from the repository (assets/fonts, SIL Open Font License), so
 * drawing a link-preview card never fetches a font from another server.
 */
export async function ogImageFonts() {
  const [regular, semiBold] = await Promise.all([
    readFile(path.join(FONTS_DIR, "Inter-Regular.otf")),
    readFile(path.join(FONTS_DIR, "Inter-SemiBold.otf")),
  ]);
  return [
    { name: "Inter", data: regular, weight: 400 as const, style: "normal" as const },
    { name: "Inter", data: semiBold, weight: 600 as const, style: "normal" as const },
  ];
}
