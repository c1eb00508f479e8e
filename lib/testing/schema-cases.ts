import { expect, it } from "vitest";
import type { z } from "zod";

/**
 * One test a wrong answer: `valid` with the field set to the answer must be
 * refused, with the message on that field. Cases are grouped by field, each
 * answer labelled by what is wrong with it.
 */
export function refusesEach(schema: z.ZodType, valid: Record<string, unknown>, byField: Record<string, Record<string, unknown>>) {
  const cases = Object.entries(byField).flatMap(([field, answers]) => Object.entries(answers).map(([label, answer]) => [`${field}: ${label}`, field, answer] as const));
  it.each(cases)("refuses %s", (_label, field, answer) => {
    const result = schema.safeParse({ ...valid, [field]: answer });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
}
