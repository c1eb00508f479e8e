import { DateTime } from "luxon";
import { z } from "zod";
import { practice } from "@/lib/practice/practice";

/*
 * The newsletter room's forms with inputs besides the issue itself
 * (lib/newsletter/schema.ts): announcing a post, "Send to all" and "Send
 * later". Shared by the server (lib/admin/newsletter.ts parses every submit
 * with them) and the browser (react-hook-form checks the same rules before
 * sending).
 */

export const announcePostSchema = z.strictObject({ slug: z.string({ error: "Please choose a post." }).trim().min(1, "Please choose a post.").max(200) });
export type AnnouncePostField = "slug";

export const sendToAllSchema = z.strictObject({
  id: z.uuid({ error: "That issue could not be found." }),
  confirm: z.literal("yes", { error: "Please tick the box to confirm before sending to every subscriber." }),
});
export type SendToAllField = keyof z.input<typeof sendToAllSchema> & string;

/** A datetime-local value ("2026-12-24T09:30") read as wall-clock time in the practice's zone. */
export function practiceWallClock(value: string): Date | null {
  const local = DateTime.fromISO(value, { zone: practice.timeZone });
  if (!local.isValid) return null;
  // A time inside the hour the clocks skip does not exist; Luxon would move it.
  if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== value.slice(0, 16)) return null;
  return local.toJSDate();
}

/** The value a datetime-local input shows for an instant, in the practice's zone. */
export function practiceInputValue(at: Date): string {
  return DateTime.fromJSDate(at, { zone: practice.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

const scheduleMessages = {
  time: "Please choose a day and time.",
  gap: "That time does not exist here (the clocks skip it). Please choose another.",
} as const;

export type ScheduleIssueField = "id" | "sendAt";

export const scheduleIssueSchema = z.strictObject({
  id: z.uuid({ error: "That issue could not be found." }),
  sendAt: z
    .string({ error: scheduleMessages.time })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, scheduleMessages.time)
    .transform((value, ctx) => {
      const at = practiceWallClock(value);
      if (!at) {
        ctx.addIssue({ code: "custom", message: scheduleMessages.gap });
        return z.NEVER;
      }
      return at;
    }),
});

