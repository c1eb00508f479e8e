import { z } from "zod";
import { agreement, emailAddress, oneLineText, optionalOneLineText, optionalPhone, optionalProseText } from "@/lib/forms/fields";
import { isTimeZone, sessionFormats } from "@/lib/practice/practice-schema";
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

/** The words the booking form showed for an answer, so the private area shows "A friend or family member", not `friend`. */
export function heardAboutLabel(value: string): string {
  return heardAboutOptions.find(([option]) => option === value)?.[1] ?? value;
}

/** How she would like to pay, asked on the request form: optional, and the therapist reads it on the request. */
export const paymentOptions = [
  ["self-pay", "Self-pay"],
  ["sliding-scale", "Sliding scale"],
  ["insurance", "Insurance"],
] as const;
export type PaymentChoice = (typeof paymentOptions)[number][0];

export function paymentLabel(value: string): string {
  return paymentOptions.find(([option]) => option === value)?.[1] ?? value;
}

export const INSURANCE_PLAN_MAX_LENGTH = 100;

// Far outside any booking horizon, and inside what a Date can hold: a start
// beyond it is a wrong answer, not a time to search around.
const EARLIEST_START = Date.UTC(2000, 0, 1);
const LATEST_START = Date.UTC(2200, 0, 1);

/**
 * The intake form, shared by the react-hook-form client and the server
 * action. It asks only what a booking needs; the server also checks the time
 * is still free, the format is offered and the location is licensed.
 */
export const bookingRequestSchema = z
  .strictObject({
  sessionType: z.string({ error: "Please choose a kind of appointment." }).regex(/^[a-z][a-z0-9-]{1,39}$/, "Please choose a kind of appointment."),
  startsAt: z.iso
    .datetime({ error: "Please choose a time." })
    .refine((value) => {
      const at = Date.parse(value);
      return at >= EARLIEST_START && at < LATEST_START;
    }, "Please choose a time from the booking page."),
  timeZone: z
    .string({ error: "Please choose your time zone." })
    .max(64, "Please choose your time zone.")
    .refine(isTimeZone, "Please choose your time zone."),
  name: oneLineText(100, { required: "Please tell us your name.", tooLong: "Please keep your name under 100 characters.", oneLine: "Please keep your name on one line." }),
  email: emailAddress,
  phone: optionalPhone,
  location: z.enum(locationCodes, { error: "Please choose where you will be during the session." }),
  format: z.enum(sessionFormats, { error: "Please choose how you would like to meet." }),
  whatBringsYou: optionalProseText(WHAT_BRINGS_YOU_MAX_LENGTH, {
    tooLong: `Please keep this under ${WHAT_BRINGS_YOU_MAX_LENGTH} characters; there will be time to say more when we meet.`,
  }),
  // Not needed to book, so not required: left blank it is kept as "rather not say".
  heardAbout: z
    .union([z.literal(""), z.enum(heardAboutOptions.map(([value]) => value) as [string, ...string[]])], { error: "Please choose one of the answers, or leave it blank." })
    .optional()
    .transform((value) => value || "prefer-not-to-say"),
  // One box for what were two that said one thing: keep my answers to arrange this, and I know it is not for emergencies.
  consent: agreement("Please tick the box so that the practice may keep your request and contact you about it."),
  // Optional: left blank, the therapist asks when they talk. Null is the browser form's radio group with none chosen.
  payment: z
    .union([z.literal(""), z.enum(paymentOptions.map(([value]) => value) as [PaymentChoice, ...PaymentChoice[]])], {
      error: "Please choose one of the ways to pay, or leave it blank.",
    })
    .nullish()
    .transform((value) => value || undefined),
  insurancePlan: optionalOneLineText(INSURANCE_PLAN_MAX_LENGTH, {
    tooLong: `Please keep the plan's name under ${INSURANCE_PLAN_MAX_LENGTH} characters.`,
    oneLine: "Please keep the plan's name on one line.",
  }),
  })
  // The plan's name is what makes "insurance" an answer the therapist can check; with another choice a typed plan is not kept.
  .superRefine((request, ctx) => {
    if (request.payment === "insurance" && !request.insurancePlan) {
      ctx.addIssue({ code: "custom", path: ["insurancePlan"], message: "Please tell us the name of your insurance plan, or choose another way to pay." });
    }
  })
  .transform(({ insurancePlan, ...request }) => ({ ...request, insurancePlan: request.payment === "insurance" ? insurancePlan : undefined }));

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
  "payment",
  "insurancePlan",
] as const satisfies readonly BookingField[];
