import { z } from "zod";
import { agreement, emailAddress, oneLineText, optionalPhone } from "@/lib/forms/fields";
import { isTimeZone, sessionFormats } from "@/lib/practice/practice-schema";
import { locationCodes } from "@/lib/practice/us-states";
import { dayParts, waitlistDays } from "./wishes";

// A box left empty is not posted (undefined); in the browser, react-hook-form reads it as false.
const ticked = z.preprocess((value) => (value === false ? undefined : value), z.literal("yes", { error: "Please tick the box or leave it empty." }).optional());
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function realDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year < 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dayFields = Object.fromEntries(waitlistDays.map(([day]) => [day, ticked])) as Record<(typeof waitlistDays)[number][0], typeof ticked>;
const partFields = Object.fromEntries(dayParts.map(([part]) => [part, ticked])) as Record<(typeof dayParts)[number][0], typeof ticked>;

/**
 * Joining the waitlist: what booking asks to arrange a session (no "what
 * brings you"), and her wishes. The server also checks that the kind of
 * appointment and its format are offered and the location is licensed.
 */
export const waitlistJoinSchema = z
  .strictObject({
    sessionType: z.string({ error: "Please choose a kind of appointment." }).regex(/^[a-z][a-z0-9-]{1,39}$/, "Please choose a kind of appointment."),
    timeZone: z.string({ error: "Please choose your time zone." }).max(64, "Please choose your time zone.").refine(isTimeZone, "Please choose your time zone."),
    location: z.enum(locationCodes, { error: "Please choose where you will be during the session." }),
    format: z.enum(sessionFormats, { error: "Please choose how you would like to meet." }),
    ...dayFields,
    ...partFields,
    earliest: z.string({ error: "Please give the first day you could come." }).refine(realDay, "Please give the first day you could come, as a date."),
    latest: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || realDay(value), "Please give the last day as a date, or leave it empty."),
    name: oneLineText(100, { required: "Please tell us your name.", tooLong: "Please keep your name under 100 characters.", oneLine: "Please keep your name on one line." }),
    email: emailAddress,
    phone: optionalPhone,
    consent: agreement("Please tick the box so that the practice may keep your place on the waitlist and write to you about it."),
  })
  .superRefine((form, ctx) => {
    if (!waitlistDays.some(([day]) => form[day] === "yes")) ctx.addIssue({ code: "custom", path: ["monday"], message: "Please tick at least one day of the week." });
    if (!dayParts.some(([part]) => form[part] === "yes")) ctx.addIssue({ code: "custom", path: ["morning"], message: "Please tick at least one part of the day." });
    if (form.latest && realDay(form.earliest) && form.latest < form.earliest) {
      ctx.addIssue({ code: "custom", path: ["latest"], message: "The last day cannot be before the first day." });
    }
  });

export type WaitlistJoinInput = z.input<typeof waitlistJoinSchema>;
export type WaitlistJoin = z.output<typeof waitlistJoinSchema>;
export type WaitlistJoinField = keyof WaitlistJoinInput & string;
export const waitlistJoinFields = [
  "sessionType",
  "timeZone",
  "location",
  "format",
  ...waitlistDays.map(([day]) => day),
  ...dayParts.map(([part]) => part),
  "earliest",
  "latest",
  "name",
  "email",
  "phone",
  "consent",
] as const satisfies readonly WaitlistJoinField[];
