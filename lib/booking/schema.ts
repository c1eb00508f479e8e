import { z } from "zod";
import { sessionFormats } from "@/lib/practice/practice-schema";
import { locationCodes } from "@/lib/practice/us-states";

export const WHAT_BRINGS_YOU_MAX_LENGTH = 500;

export const heardAboutOptions = [
  ["search", "A web search"],
  ["directory", "A therapist directory"],
  ["referral", "A doctor, midwife or other professional"],
  ["friend", "A friend or family member"],
  ["blog", "The blog on this website"],
  ["other", "Somewhere else"],
  ["prefer-not-to-say", "I'd rather not say"],
] as const;

// The same check as the server's, without a time-zone library in the browser.
function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const oneLine = /^[^\r\n\u2028\u2029]*$/;

/**
 * The intake form, shared by the react-hook-form client and the server
 * action. It asks only what a booking needs; the server also checks the time
 * is still free, the format is offered and the location is licensed.
 */
export const bookingRequestSchema = z.strictObject({
  sessionType: z.string({ error: "Please choose a kind of appointment." }).regex(/^[a-z][a-z0-9-]{1,39}$/, "Please choose a kind of appointment."),
  startsAt: z.iso.datetime({ error: "Please choose a time." }),
  timeZone: z
    .string({ error: "Please choose your time zone." })
    .max(64, "Please choose your time zone.")
    .refine(isTimeZone, "Please choose your time zone."),
  name: z
    .string({ error: "Please tell us your name." })
    .trim()
    .min(1, "Please tell us your name.")
    .max(100, "Please keep your name under 100 characters.")
    .regex(oneLine, "Please keep your name on one line."),
  email: z
    .string({ error: "Please enter your email address." })
    .trim()
    .min(1, "Please enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Please enter an email address like name@example.com.")),
  phone: z
    .string()
    .trim()
    .max(30, "Please keep the phone number under 30 characters.")
    .regex(/^[+()\d\s.-]*$/, "Please use only digits, spaces and + ( ) - in the phone number.")
    .optional()
    .transform((value) => value || undefined),
  location: z.enum(locationCodes, { error: "Please choose where you will be during the session." }),
  format: z.enum(sessionFormats, { error: "Please choose how you would like to meet." }),
  whatBringsYou: z
    .string()
    .trim()
    .max(WHAT_BRINGS_YOU_MAX_LENGTH, `Please keep this under ${WHAT_BRINGS_YOU_MAX_LENGTH} characters; there will be time to say more when we meet.`)
    .optional()
    .transform((value) => value || undefined),
  heardAbout: z.enum(
    heardAboutOptions.map(([value]) => value) as [string, ...string[]],
    { error: "Please choose an answer; “I'd rather not say” is fine." },
  ),
  consent: z.literal("yes", { error: "Please agree so that the practice may keep your request and contact you about it." }),
  notEmergency: z.literal("yes", { error: "Please confirm you understand this is not for emergencies." }),
});

export type BookingRequestInput = z.input<typeof bookingRequestSchema>;
export type BookingRequest = z.output<typeof bookingRequestSchema>;
export type BookingField = keyof BookingRequestInput & string;
export const bookingFields = [
  "sessionType",
  "startsAt",
  "timeZone",
  "name",
  "email",
  "phone",
  "location",
  "format",
  "whatBringsYou",
  "heardAbout",
  "consent",
  "notEmergency",
] as const satisfies readonly BookingField[];
