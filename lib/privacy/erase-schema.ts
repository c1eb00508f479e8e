import { z } from "zod";

/** The erase form, shared by the react-hook-form client and the server action. */
export const erasePersonSchema = z.strictObject({
  email: z
    .string({ error: "Please enter the person's email address." })
    .trim()
    .min(1, "Please enter the person's email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Please enter an email address like name@example.com.")),
  confirm: z.literal("yes", { error: "Please confirm that everything held about this person should be deleted." }),
});

export type ErasePersonInput = z.input<typeof erasePersonSchema>;
export type ErasePersonField = keyof ErasePersonInput & string;
export const erasePersonFields = ["email", "confirm"] as const satisfies readonly ErasePersonField[];

export type ErasePersonState =
  | import("@/lib/forms/form-state").FormState<ErasePersonField>
  | { status: "erased"; erased: Record<string, number> };
