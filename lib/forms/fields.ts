import { z } from "zod";
import { normaliseEmailAddress } from "./email-address";

/*
 * The rules every form's fields follow, so a name, an address or a phone
 * number is checked the same way on every form, in the browser and on the
 * server. Control and format characters are refused at the door: PostgreSQL
 * refuses NUL outright, and the others hide text or break lines in the
 * private area and in email headers.
 */

// C0 and C1 controls, DEL, and the line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// The same, less the tab and line breaks a message may hold.
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/u;
// Format characters (zero-width spaces, bidirectional overrides, the BOM),
// except the joiners some scripts need to spell a name.
const FORMAT = /(?![\u200c\u200d])\p{Cf}/u;
const LONE_SURROGATE = /\p{Cs}/u;
const SOMETHING_VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

type Words = { required: string; tooLong: string; oneLine?: string };

const noControls = (words: { oneLine?: string }) => (text: z.ZodString) =>
  text
    .refine((value) => !CONTROL.test(value), words.oneLine ?? "Please keep this on one line, without special characters.")
    .refine((value) => !FORMAT.test(value) && !LONE_SURROGATE.test(value), "Please remove the invisible characters from this answer.");
const proseOnly = (text: z.ZodString) =>
  text.refine((value) => !CONTROL_IN_PROSE.test(value) && !LONE_SURROGATE.test(value), "Please remove the special characters from this text.");

/** A required answer: something visible once trimmed, within `max`, passing `rules`. */
function required(max: number, words: Words, rules: (text: z.ZodString) => z.ZodType<string, string>) {
  const text = z.string({ error: words.required }).trim().min(1, words.required).max(max, words.tooLong);
  return rules(text).refine((value) => SOMETHING_VISIBLE.test(value), words.required);
}

/** An optional answer: empty becomes undefined. */
function optional(max: number, words: Omit<Words, "required">, rules: (text: z.ZodString) => z.ZodType<string, string>) {
  return rules(z.string().trim().max(max, words.tooLong))
    .optional()
    .transform((value) => value || undefined);
}

/** A required line of text: a name, a subject. */
export const oneLineText = (max: number, words: Words) => required(max, words, noControls(words));
/** An optional line of text: a first name. */
export const optionalOneLineText = (max: number, words: Omit<Words, "required">) => optional(max, words, noControls(words));
/** Prose a person writes: line breaks and tabs are theirs to keep. */
export const proseText = (max: number, words: Words) => required(max, words, proseOnly);
export const optionalProseText = (max: number, words: Omit<Words, "required">) => optional(max, words, proseOnly);

/**
 * An email address, stored in its one normalised form (lib/forms/email-address.ts).
 * The browser runs the same check, so a refused address is refused before it is sent.
 */
export const emailAddress = z
  .string({ error: "Please enter your email address." })
  .trim()
  .min(1, "Please enter your email address.")
  .max(254, "That email address is too long.")
  .transform((value, ctx) => {
    // Typed text outside ASCII is refused before NFKC could fold a look-alike
    // (a fullwidth "ｍａｙａ") into someone else's address.
    const normalised = /^[\x21-\x7e]+$/.test(value) ? normaliseEmailAddress(value) : null;
    if (normalised) return normalised;
    ctx.addIssue({ code: "custom", message: "Please enter an email address like name@example.com." });
    return z.NEVER;
  });

/** An optional phone number: digits, spaces and + ( ) . - only, on one line. */
export const optionalPhone = z
  .string()
  .trim()
  .max(30, "Please keep the phone number under 30 characters.")
  .regex(/^[+()\d .-]*$/, "Please use only digits, spaces and + ( ) - in the phone number.")
  .optional()
  .transform((value) => value || undefined);

/** A checkbox the person must tick; the form posts "yes". */
export function agreement(message: string) {
  return z.literal("yes", { error: message });
}

/** A form that asks only for an address to send a link to (sign-in, a new library link). */
export const addressFormSchema = z.strictObject({ email: emailAddress });
