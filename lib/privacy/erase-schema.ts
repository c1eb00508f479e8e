import { z } from "zod";
import { agreement } from "@/lib/forms/fields";
import type { FormResult } from "@/lib/forms/form-result";

/**
 * The erase form, shared by the react-hook-form client and the server
 * action. The address is taken as typed (trimmed, compared without case),
 * not normalised like a visitor's: it must find what was stored, however old.
 */
export const erasePersonSchema = z.strictObject({
  email: z
    .string({ error: "Please enter the person's email address." })
    .trim()
    .min(1, "Please enter the person's email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Please enter an email address like name@example.com.")),
  confirm: agreement("Please confirm that everything held about this person should be deleted."),
});

export type ErasePersonField = keyof z.input<typeof erasePersonSchema> & string;

/** What the erase form shows: the refusal, or how many of each kind of record were deleted. */
export type ErasePersonResult = FormResult<ErasePersonField, Record<string, number>>;
