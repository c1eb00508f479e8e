import { z } from "zod";
import type { FormResult } from "@/lib/forms/form-result";

/*
 * The booking rooms' form schemas, shared by the server (lib/admin/booking.ts
 * parses every submit with them) and the browser (react-hook-form checks
 * the same rules before sending).
 */

export const bookingDecisions = ["confirm", "decline", "cancel", "completed", "no_show"] as const;
export type BookingDecision = (typeof bookingDecisions)[number];

export const bookingDecisionSchema = z.strictObject({
  id: z.uuid("There is no such booking."),
  decision: z.enum(bookingDecisions),
  note: z.string().max(1000, "Please keep the note under 1,000 characters.").optional(),
  // The second step of confirming a time her own calendar now shows busy.
  anyway: z.literal("yes").optional(),
});

const RANGE = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/;

/** "9:00-12:00, 13:00-17:00" → ranges; empty means closed. Undefined when the text is not a list of ranges. */
export function parseRanges(text: string): { start: string; end: string }[] | undefined {
  const parts = text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const ranges = [];
  for (const part of parts) {
    const match = RANGE.exec(part);
    if (!match) return undefined;
    const [, h1, m1, h2, m2] = match;
    ranges.push({ start: `${h1!.padStart(2, "0")}:${m1}`, end: `${h2!.padStart(2, "0")}:${m2}` });
  }
  return ranges;
}

export const formatRanges = (ranges: { start: string; end: string }[]) => ranges.map((range) => `${range.start}-${range.end}`).join(", ");

const rangesText = z
  .string()
  .max(300, "That is longer than a day's hours need.")
  .transform((text, ctx) => {
    const ranges = parseRanges(text);
    if (!ranges) {
      ctx.addIssue({ code: "custom", message: 'Write times as "09:00-12:00, 13:00-17:00", or leave empty for closed.' });
      return z.NEVER;
    }
    return ranges;
  });

const dayText = () => rangesText.default(() => []);
export const weeklyHoursFormSchema = z.strictObject({
  monday: dayText(),
  tuesday: dayText(),
  wednesday: dayText(),
  thursday: dayText(),
  friday: dayText(),
  saturday: dayText(),
  sunday: dayText(),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-12-24.");

export const timeOffFormSchema = z.strictObject({
  startsOn: isoDay,
  endsOn: isoDay,
  note: z.string().max(200, "Please keep the note under 200 characters.").optional(),
});

export const dayOverrideFormSchema = z.strictObject({ day: isoDay, ranges: rangesText.default(() => []) });

export const feedFormSchema = z.strictObject({});

/** One of her own calendars to read busy times from; the server checks the address further (lib/booking/busy-calendars). */
export const busyCalendarFormSchema = z.strictObject({
  name: z.string().trim().min(1, "Please give the calendar a name.").max(80, "Please keep the name under 80 characters."),
  address: z
    .string()
    .trim()
    .max(2000, "That address is longer than any calendar's.")
    .regex(/^(webcals?|https?):\/\/\S+$/i, "Paste the calendar's address, starting webcal:// or https://."),
});

/** Picked by name in the browser: a schema cannot travel from a server component as a prop. */
export const editFormSchemas = {
  weekly: weeklyHoursFormSchema,
  "time-off": timeOffFormSchema,
  override: dayOverrideFormSchema,
  feed: feedFormSchema,
  calendars: busyCalendarFormSchema,
} as const;
export type EditFormName = keyof typeof editFormSchemas;

/** What an availability form shows: the refusal, or the saved message (and a new feed's URL, shown this once). */
export type AvailabilityFormResult = FormResult<string, { url?: string }>;
