import { z } from "zod";
import { addressFormSchema } from "@/lib/forms/fields";

/** The sign-in form, shared by the react-hook-form client and the server action. */
export const signInSchema = addressFormSchema;

export type SignInInput = z.input<typeof signInSchema>;
export type SignInField = keyof SignInInput & string;
export const signInFields = ["email"] as const satisfies readonly SignInField[];
