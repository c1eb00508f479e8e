import { z } from "zod";
import type { SubscribeFormState } from "./subscribe";
import type { FormRefusal } from "@/lib/forms/form-result";
import { subscribeFields, type SubscribeField } from "./schema";

/**
 * A refused signup from the plain form (footer, end of a post) is carried to
 * /newsletter in a short-lived cookie, so the page can show each problem
 * beside its field with what was typed, and the plain form needs no script.
 */
export const SIGNUP_FLASH_COOKIE = "attune-signup-refused";
export const SIGNUP_FLASH_SECONDS = 120;

const flashSchema = z.strictObject({
  fieldErrors: z.partialRecord(z.enum(subscribeFields), z.array(z.string().max(300)).max(5)),
  formError: z.string().max(500).optional(),
  values: z.partialRecord(z.enum(subscribeFields), z.string().max(300)),
});

type Refused = FormRefusal<SubscribeField>;

export function encodeSignupFlash(state: Refused): string {
  const values = Object.fromEntries(Object.entries(state.values).map(([name, value]) => [name, String(value).slice(0, 300)]));
  const payload = { fieldErrors: state.fieldErrors, ...(state.formError ? { formError: state.formError } : {}), values };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

/** The refused signup, or idle for a missing, old or tampered cookie. */
export function decodeSignupFlash(raw: string | undefined): SubscribeFormState {
  if (!raw || raw.length > 3000) return { status: "idle" };
  try {
    const parsed = flashSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? { status: "invalid", ...parsed.data } : { status: "idle" };
  } catch {
    return { status: "idle" };
  }
}
