import rawPractice from "@/content/practice";
import { parsePractice } from "./practice-schema";

/**
 * The validated practice configuration. Parsed at import, so a bad value in
 * content/practice.ts stops `next build`, `next dev` and `next start` with a
 * message naming the field.
 */
export const practice = parsePractice(rawPractice);

export type { Practice } from "./practice-schema";
