import { z } from "zod";

const usStateCode = z.string().regex(/^[A-Z]{2}$/, "use a two-letter state code such as OR");

function isTimeZone(zone: string) {
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

export const practiceSchema = z.strictObject({
  name: z.string().min(2).max(80),
  tagline: z.string().min(10).max(160),
  therapist: z.strictObject({
    name: z.string().min(2).max(80),
    credentials: z.string().min(2).max(40),
    pronouns: z.string().max(20).optional(),
    title: z.string().min(2).max(80),
    bio: z.array(z.string().min(20)).min(1),
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
