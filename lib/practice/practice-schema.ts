import { z } from "zod";

const usStateCode = z.string().regex(/^[A-Z]{2}$/, "use a two-letter state code such as OR");

/** An IANA zone this runtime knows. Intl alone, so the browser checks it without a time-zone library. */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const mailbox = z
  .string()
  .regex(/^[^<>\r\n]+ <[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/, 'use the form "Name <address@example.com>"');

const crisisLine = z.strictObject({
  name: z.string().min(1),
  how: z.string().min(1),
  href: z.string().regex(/^(tel|sms):[+\d]/, "use a tel: or sms: link"),
});

const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'use 24-hour "HH:MM", such as "09:00" or "17:30"');

export const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** One day's working ranges: each starts before it ends, and none overlaps another. */
export const dayRangesSchema = z.array(z.strictObject({ start: clockTime, end: clockTime })).superRefine((ranges, ctx) => {
  const sorted = ranges.map((range, index) => ({ ...range, index })).sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
  sorted.forEach((range, i) => {
    if (minutesOfDay(range.end) <= minutesOfDay(range.start)) {
      ctx.addIssue({ code: "custom", path: [range.index], message: `${range.start}–${range.end} ends before it starts` });
    }
    const next = sorted[i + 1];
    if (next && minutesOfDay(next.start) < minutesOfDay(range.end)) {
      ctx.addIssue({ code: "custom", path: [next.index], message: `${next.start}–${next.end} overlaps ${range.start}–${range.end}` });
    }
  });
});

export const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof weekdays)[number];

export const sessionFormats = ["telehealth", "in-person"] as const;
export type SessionFormat = (typeof sessionFormats)[number];

export const weeklyHoursSchema = z.strictObject(
  Object.fromEntries(weekdays.map((day) => [day, dayRangesSchema])) as Record<Weekday, typeof dayRangesSchema>,
);

const minutes = (max: number) => z.number().int().min(0).max(max);

const sessionType = z
  .strictObject({
    slug: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "use lower-case letters, digits and dashes, such as intake"),
    name: z.string().min(2).max(60),
    description: z.string().min(10).max(300),
    durationMinutes: z.number().int().min(5).max(240),
    bufferBeforeMinutes: minutes(120),
    bufferAfterMinutes: minutes(120),
    startEveryMinutes: z.number().int().min(5).max(240),
    minimumNoticeHours: z.number().min(0).max(24 * 30),
    horizonDays: z.number().int().min(1).max(365),
    formats: z.array(z.enum(sessionFormats)).min(1, "offer at least one format").max(2),
    confirmation: z.enum(["therapist", "immediate"]).default("therapist"),
    // What a session of this kind costs, in the practice's words ("$190", "Free"): shown on its card, the request form and the emails.
    fee: z.string().min(1).max(40),
  })
  .refine((type) => new Set(type.formats).size === type.formats.length, { path: ["formats"], message: "list each format once" });

const booking = z.strictObject({
  sessionTypes: z
    .array(sessionType)
    .min(1, "offer at least one session type")
    .refine((types) => new Set(types.map((type) => type.slug)).size === types.length, "give each session type its own slug"),
  weeklyHours: weeklyHoursSchema,
  requestExpiryHours: z.number().min(1).max(24 * 14),
  changeCutoffHours: z.number().min(0).max(24 * 14),
  reminderHoursBefore: z.number().min(1).max(24 * 7),
  lateCancellationPolicy: z.string().min(20).max(1000),
  inPersonAddress: z.array(z.string().min(2)).min(1),
  telehealthInstructions: z.string().min(20).max(1000),
  elsewhere: z.array(z.strictObject({ name: z.string().min(2), how: z.string().min(2) })).min(1),
  closedRequestRetentionDays: z.number().int().min(1).max(3650),
  manageLinkDaysAfterSession: z.number().int().min(1).max(365),
});

export const practiceSchema = z.strictObject({
  name: z.string().min(2).max(80),
  tagline: z.string().min(10).max(160),
  therapist: z.strictObject({
    name: z.string().min(2).max(80),
    credentials: z.string().min(2).max(40),
    pronouns: z.string().max(20).optional(),
    title: z.string().min(2).max(80),
    bio: z.array(z.string().min(20)).min(1),
    // A file under public/, served through next/image; the size is the file's own, so the page keeps its place while it loads.
    photo: z.strictObject({
      src: z.string().regex(/^\/[\w/-]+\.(png|jpe?g|webp|avif)$/, 'use a path under public/, such as "/practice/therapist.jpg"'),
      width: z.number().int().min(120).max(4000),
      height: z.number().int().min(120).max(4000),
      alt: z.string().min(10).max(200),
    }),
  }),
  whoIHelp: z.array(z.strictObject({ title: z.string().min(2), description: z.string().min(10) })).min(1),
  city: z.string().min(2),
  timeZone: z.string().refine(isTimeZone, "not an IANA time zone such as America/Los_Angeles"),
  locale: z.string().min(2),
  licensedStates: z.array(usStateCode).min(1),
  contactEmail: z.email(),
  phone: z.string().regex(/^\+[\d ]{8,20}$/, "use international form, e.g. +1 503 555 0142").optional(),
  senders: z.strictObject({ visitors: mailbox, notifications: mailbox, newsletter: mailbox }),
  notificationEmail: z.email(),
  crisisLines: z.array(crisisLine).min(1, "list at least one crisis line"),
  privacy: z.strictObject({
    noticeVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use the notice's date, YYYY-MM-DD"),
    contactMessageRetentionDays: z.number().int().min(30).max(3650),
  }),
  booking,
  fees: z.strictObject({
    sessions: z.array(z.strictObject({ name: z.string().min(2).max(80), fee: z.string().min(1).max(40) })).min(1),
    slidingScale: z.array(z.string().min(20)).min(1),
    insurance: z.array(z.string().min(20)).min(1),
    payment: z.string().min(20).max(600),
  }),
  // The "What to expect" page; cancellations and telehealth also quote the booking settings above.
  whatToExpect: z.strictObject({
    firstSession: z.array(z.string().min(20)).min(1),
    cancellations: z.array(z.string().min(20)),
    telehealth: z.array(z.string().min(20)),
    privacy: z.array(z.string().min(20)).min(1),
  }),
});

export type Practice = z.infer<typeof practiceSchema>;

export class PracticeConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`content/practice.ts has ${issues.length === 1 ? "a bad value" : "bad values"}:\n  - ${issues.join("\n  - ")}`);
    this.name = "PracticeConfigError";
  }
}

/** Validates a practice configuration, naming each bad value by its path. */
export function parsePractice(input: unknown): Practice {
  const result = practiceSchema.safeParse(input);
  if (result.success) return result.data;
  throw new PracticeConfigError(
    result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
  );
}
