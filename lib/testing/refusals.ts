import { expect } from "vitest";

export type Expected = { field?: string; form?: RegExp };

/** A form's fields as the browser would send them: a field left undefined is not sent at all. */
export function sentFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** A refusal as the person sees it: the message where expected, and the address they typed still in the form. */
export function expectRefusal(result: { status: string }, input: Record<string, unknown>, expected: Expected) {
  expect(result.status).toBe("invalid");
  const refusal = result as unknown as { fieldErrors: Record<string, string[] | undefined>; formError?: string; values: Record<string, string | undefined> };
  if (expected.field) expect(refusal.fieldErrors[expected.field]?.[0]).toMatch(/\w/);
  if (expected.form) expect(refusal.formError).toMatch(expected.form);
  expect(refusal.values.email).toBe(input.email);
}
