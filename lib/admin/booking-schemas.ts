import { z } from "zod";
import { allDayBusyChoice, calendarAddress, calendarName, NOT_A_CALENDAR_ADDRESS } from "@/lib/booking/busy-calendars/calendar-fields";
import type { FormResult } from "@/lib/forms/form-result";
import { type Weekday, weekdays } from "@/lib/practice/practice-schema";

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
export type BookingDecisionField = keyof z.input<typeof bookingDecisionSchema> & string;

/**
 * What the browser checks before a decision is posted: the fields she fills
 * in. Which decision it is comes from the button she pressed, which the
 * server's schema checks.
 */
export const decisionNoteSchema = bookingDecisionSchema.pick({ id: true, note: true });

/** What the decision form shows: the refusal, or the saved message with the booking's new status. */
export type BookingDecisionResult = FormResult<BookingDecisionField, { id: string; status: string }>;

/** The most ranges one day takes in the editor; a day with more is split differently. */
export const MAX_RANGES = 6;

export const formatRanges = (ranges: { start: string; end: string }[]) => ranges.map((range) => `${range.start}–${range.end}`).join(", ");

// A browser's time input sends "HH:MM" (or "HH:MM:SS" with a finer step); empty is a row left blank.
const clockOrEmpty = z
  .string()
  .trim()
  .regex(/^(\d{2}:\d{2}(:\d{2})?)?$/, "Use a time such as 09:00.")
  .optional();

/** The names of one day's time inputs: "monday-0-start", "monday-0-end", … */
export const rangeFieldNames = (group: string, index: number) => ({ start: `${group}-${index}-start`, end: `${group}-${index}-end` });

const rangeFields = (group: string) =>
  Object.fromEntries(
    Array.from({ length: MAX_RANGES }, (_, index) => Object.values(rangeFieldNames(group, index)).map((name) => [name, clockOrEmpty] as const)).flat(),
  );

/** One day's rows of time inputs as ranges: blank rows are skipped, a row with one time is refused beside the empty one. */
function rangesFrom(values: Record<string, string | undefined>, group: string, ctx: z.RefinementCtx): { start: string; end: string }[] {
  const ranges = [];
  for (let index = 0; index < MAX_RANGES; index += 1) {
    const names = rangeFieldNames(group, index);
    const start = (values[names.start] ?? "").slice(0, 5);
    const end = (values[names.end] ?? "").slice(0, 5);
    if (!start && !end) continue;
    if (!start || !end) ctx.addIssue({ code: "custom", path: [start ? names.end : names.start], message: "Give both times, or neither to leave the row empty." });
    else ranges.push({ start, end });
  }
  return ranges;
}

/** The box that says a day of the usual week is open; a closed day keeps no hours. */
export const dayOpenFieldName = (day: Weekday) => `${day}-open`;

/** "Copy Monday's hours to every weekday": the button's name and value, posted with or without JavaScript. */
export const COPY_FIELD = "copy";
export const COPY_FROM: Weekday = "monday";
/** The days Monday's hours are copied to: the working week, not the weekend. */
export const COPY_TO: Weekday[] = ["tuesday", "wednesday", "thursday", "friday"];

// A checkbox posts "yes" or nothing; react-hook-form hands the schema `false` (or its empty default) for an unticked one.
const ticked = z.union([z.literal("yes"), z.literal(""), z.literal(false)]).optional();

/**
 * The usual week as the grid posts it: a day is open when its box is ticked,
 * and then needs at least one range; a closed day's rows are not kept. With
 * the copy button pressed, Monday (as typed) stands for Tuesday to Friday.
 */
export const weeklyHoursFormSchema = z
  .strictObject({
    ...Object.fromEntries(weekdays.flatMap((day) => [...Object.entries(rangeFields(day)), [dayOpenFieldName(day), ticked]])),
    [COPY_FIELD]: z.literal(COPY_FROM).optional(),
  })
  .transform((values, ctx) => {
    const read = new Map<Weekday, { start: string; end: string }[]>();
    const hoursOf = (day: Weekday) => {
      if (!read.has(day)) {
        const open = values[dayOpenFieldName(day)] === "yes";
        const ranges = open ? rangesFrom(values as Record<string, string | undefined>, day, ctx) : [];
        const typed = Object.entries(values).some(([name, value]) => name.startsWith(`${day}-`) && /^\d/.test(String(value ?? "")));
        if (open && !typed) ctx.addIssue({ code: "custom", path: [day], message: "Give this day's hours, or untick Open to close it." });
        read.set(day, ranges);
      }
      return read.get(day)!;
    };
    const copied = values[COPY_FIELD] === COPY_FROM;
    const hours = Object.fromEntries(weekdays.map((day) => [day, hoursOf(copied && COPY_TO.includes(day) ? COPY_FROM : day)])) as Record<Weekday, { start: string; end: string }[]>;
    return { hours, copied };
  });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-12-24.");

export const timeOffFormSchema = z.strictObject({
  startsOn: isoDay,
  endsOn: isoDay,
  note: z.string().max(200, "Please keep the note under 200 characters.").optional(),
});

export const dayOverrideFormSchema = z
  .strictObject({ day: isoDay, ...rangeFields("ranges") })
  .transform((values, ctx) => ({ day: values.day, ranges: rangesFrom(values, "ranges", ctx) }));

export const feedFormSchema = z.strictObject({});

/** One of her own calendars to read busy times from; the server checks the address further (lib/booking/busy-calendars). */
export const busyCalendarFormSchema = z.strictObject({
  name: calendarName,
  address: calendarAddress.regex(/^(webcals?|https?):\/\/\S+$/i, NOT_A_CALENDAR_ADDRESS),
  allDayBusy: allDayBusyChoice,
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
