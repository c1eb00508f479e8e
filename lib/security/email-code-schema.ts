import { z } from "zod";

/**
 * The one field of the code step, checked alike in the browser and on the
 * server. Spaces are forgiven: a code read aloud or pasted as "123 456".
 */
export const emailCodeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Please type the 6 digits from the email.")),
});

export type EmailCodeField = "code";
