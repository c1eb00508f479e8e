import { z } from "zod";

/** The sign-in form, shared by the react-hook-form client and the server action. */
export const signInSchema = z.strictObject({
  email: z
    .string({ error: "Please enter your email address." })
    .trim()
    .min(1, "Please enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Please enter an email address like name@example.com.")),
});

export type SignInInput = z.input<typeof signInSchema>;
export type SignInField = keyof SignInInput & string;
export const signInFields = ["email"] as const satisfies readonly SignInField[];
