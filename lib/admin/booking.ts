import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { guardedOperation, guardedRead, refusal, saved } from "@/lib/auth/guarded-operation";
import type { Therapist } from "@/lib/auth/guards";
import {
  addTimeOff,
  getAvailability,
  previewFreeTimes,
  removeDayOverride,
  removeTimeOff,
  saveDayOverride,
  saveWeeklyHours,
  type AvailabilityEditOutcome,
} from "@/lib/booking/availability-editor";
import { addBusyCalendar, listBusyCalendars, refreshBusyCalendarNow, removeBusyCalendar, type BusyCalendarOutcome } from "@/lib/booking/busy-calendars/busy-calendars";
import { calendarsFailingLong } from "@/lib/booking/busy-calendars/failing-notice";
import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from "@/lib/booking/calendar-feed";
import { cancelBookingAsTherapist, confirmBooking, declineBooking, markBookingCompleted, markBookingNoShow, type DecisionOutcome } from "@/lib/booking/decisions";
import { bookingListFilterSchema, bookingOverview, getBookingRequest, listBookingRequests } from "@/lib/booking/requests";
import { sessionTypes } from "@/lib/booking/session-types";
import { dayInZone } from "@/lib/booking/time";
import { dayAtAGlance, weekAtAGlance } from "@/lib/booking/week";
import { practice } from "@/lib/practice/practice";
import type { FieldErrors } from "@/lib/forms/form-result";
import type { Refused, RefusedInput } from "@/lib/forms/outcome";
import { threadOf } from "./replies";
import { bookingDecisionSchema, busyCalendarFormSchema, dayOverrideFormSchema, feedFormSchema, timeOffFormSchema, weeklyHoursFormSchema, type BookingDecision } from "./booking-schemas";

export { formatRanges } from "./booking-schemas";

/*
 * The booking rooms of the private area: each function here comes through
 * the door in lib/auth/guarded-operation.ts, hands the therapist it lets in
 * to lib/booking, and records every write in the audit log (ids and states,
 * never what a visitor typed).
 */

/** The requests list. A filter that does not parse (a hand-edited URL) falls back to everything, upcoming first. */
export const listBookings = guardedRead(async ({ therapist }, filter: Record<string, string | string[] | undefined>) => {
  const single = Object.fromEntries(Object.entries(filter).filter(([key, value]) => ["status", "when"].includes(key) && typeof value === "string"));
  const parsed = bookingListFilterSchema.safeParse(single);
  const applied = parsed.success ? parsed.data : bookingListFilterSchema.parse({});
  const result = await listBookingRequests(therapist, applied);
  return { ...result, filter: { status: applied.status, when: applied.when } };
});

/** Opens one booking with its intake answers and records the read. A bad or unknown id is a 404. */
export const openBooking = guardedRead(async ({ therapist, audit }, id: string) => {
  const booking = await getBookingRequest(therapist, id);
  if (!booking) notFound();
  await audit({ action: "read", subjectType: "booking", subjectId: booking.id });
  return {
    ...booking,
    started: booking.startsAt.getTime() <= Date.now(),
    replies: await threadOf("booking", booking.id),
    // What else is on that day, so she decides with it in view.
    day: await dayAtAGlance(therapist, dayInZone(booking.startsAt, practice.timeZone)),
  };
});

/** The overview's first screen: this week and the next, day by day. */
export const weekForOverview = guardedRead(async ({ therapist }) => weekAtAGlance(therapist));

/** Today's and this week's sessions and the requests awaiting an answer. */
export const bookingsAtAGlance = guardedRead(async ({ therapist }) => bookingOverview(therapist));

/** Her calendars failing for over an hour, for the overview: /book is going by an old copy of them. */
export const calendarsNeedingAttention = guardedRead(async () => calendarsFailingLong());

/** What the decision form says once a decision is saved, by the booking's new status. */
const decisionSaved: Partial<Record<string, string>> = {
  confirmed: "Confirmed. The client's confirmation, with the calendar file and your note if you wrote one, is on its way.",
  declined: "Declined. The client has been told, with your note if you wrote one.",
  cancelled: "Cancelled. The client has been told and the time is free again.",
  completed: "Marked as completed.",
  no_show: "Marked as a no-show.",
};

const decide: Record<BookingDecision, (therapist: Therapist, id: string, note?: string, anyway?: boolean) => Promise<DecisionOutcome>> = {
  confirm: (therapist, id, note, anyway) => confirmBooking(therapist, id, { note, despiteBusy: anyway }),
  decline: (therapist, id, note) => declineBooking(therapist, id, { note }),
  cancel: (therapist, id, note) => cancelBookingAsTherapist(therapist, id, { note }),
  completed: (therapist, id) => markBookingCompleted(therapist, id),
  no_show: (therapist, id) => markBookingNoShow(therapist, id),
};

/** Confirm or decline (each with an optional note to the client), cancel, or mark a started session completed or missed. */
export const decideBooking = guardedOperation(bookingDecisionSchema, async ({ id, decision, note, anyway }, { therapist, audit }) => {
  const result = await decide[decision](therapist, id, note, anyway === "yes");
  // Named by its field, so the form can offer the second step, "Confirm anyway".
  if (result.status === "refused" && result.reason === "busy-in-calendar") {
    return refusal({ fieldErrors: { anyway: [result.message] }, formError: `Not confirmed yet. ${result.message} Confirm anyway if you mean to keep both.` });
  }
  if (result.status === "refused" && result.reason === "invalid-note") return refusal({ fieldErrors: { note: [result.message] } });
  if (result.status === "refused") return refusal({ formError: `${result.message} Its current state is shown on this page.` });
  await audit({ action: "change", subjectType: "booking", subjectId: id, detail: { status: result.bookingStatus, withNote: Boolean(note?.trim()) } });
  return saved(decisionSaved[result.bookingStatus] ?? "Saved.", { id, status: result.bookingStatus });
});

/** The availability room's data: the rules, the feed's state, her own calendars and two weeks of free times per session type. */
export const availabilityForEditor = guardedRead(async ({ therapist }) => {
  const [availability, feed, calendars] = await Promise.all([getAvailability(therapist), calendarFeedStatus(therapist), listBusyCalendars(therapist)]);
  const previews = [];
  for (const type of sessionTypes) {
    const preview = await previewFreeTimes(therapist, { sessionType: type.slug, days: 14 });
    previews.push({ sessionType: type.slug, name: type.name, days: preview.status === "done" ? preview.days : [] });
  }
  return { ...availability, feed, calendars, previews };
});

/**
 * The domain names a refused range by its place ("monday.0"); the form
 * shows it beside the field of that name, and anything else above the form.
 */
function refusalOfEdit(fieldErrors: Record<string, string[]>) {
  const byField: FieldErrors<string> = {};
  let formError: string | undefined;
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = path.split(".")[0]!;
    if (field === "form") formError = messages.join(" ");
    else (byField[field] ??= []).push(...messages);
  }
  return refusal({ fieldErrors: byField, formError });
}

function withStranded(message: string, stranded: number) {
  if (stranded === 0) return message;
  return `${message} ${stranded} upcoming booking${stranded === 1 ? " is" : "s are"} now outside your hours; see Requests.`;
}

/**
 * One change in the availability room: the domain checks it against the
 * practice's rules, the audit log records which kind of change it was (never
 * the values: a calendar's address is a secret), and `said` words what came
 * of it.
 */
function availabilityChange<Schema extends z.ZodType<Record<string, unknown>>, Done extends { status: "done" }>(
  said: (result: Done, message: string) => string,
  schema: Schema,
  change: (therapist: Therapist, input: z.output<Schema>) => Promise<NoInfer<Done> | Refused | RefusedInput>,
  { message, recorded }: { message: string; recorded: string },
) {
  return guardedOperation(schema, async (input, { therapist, audit }) => {
    const result = await change(therapist, input);
    if (result.status === "refused") return "fieldErrors" in result ? refusalOfEdit(result.fieldErrors) : refusal({ formError: result.message });
    await audit({ action: "change", subjectType: "availability", detail: { [recorded]: true } });
    return saved(said(result, message));
  });
}

/** A change to the hours points out bookings it left outside them. */
const strandedBy = (result: Extract<AvailabilityEditOutcome, { status: "done" }>, message: string) => withStranded(message, result.stranded.length);

/** The usual week, saved whole; "copy Monday to every weekday" saves Monday's hours (as typed) on Tuesday to Friday too. */
export const saveWeeklyHoursFromForm = guardedOperation(weeklyHoursFormSchema, async ({ hours, copied }, { therapist, audit }) => {
  const result = await saveWeeklyHours(therapist, hours);
  if (result.status === "refused") return "fieldErrors" in result ? refusalOfEdit(result.fieldErrors) : refusal({ formError: result.message });
  await audit({ action: "change", subjectType: "availability", detail: copied ? { weeklyHours: true, copiedMonday: true } : { weeklyHours: true } });
  return saved(withStranded(copied ? "Monday's hours are copied to Tuesday to Friday, and the week is saved." : "Weekly hours saved.", result.stranded.length));
});

export const addTimeOffFromForm = availabilityChange(strandedBy, timeOffFormSchema, addTimeOff, { message: "Time off added.", recorded: "timeOffAdded" });

export const removeTimeOffFromForm = availabilityChange(strandedBy, z.strictObject({ id: z.string().max(100) }), (therapist, { id }) => removeTimeOff(therapist, id), {
  message: "Time off removed.",
  recorded: "timeOffRemoved",
});

export const saveDayOverrideFromForm = availabilityChange(strandedBy, dayOverrideFormSchema, saveDayOverride, { message: "That day's hours are saved.", recorded: "overrideSaved" });

export const removeDayOverrideFromForm = availabilityChange(strandedBy, z.strictObject({ day: z.string().max(10) }), (therapist, { day }) => removeDayOverride(therapist, day), {
  message: "That day is back to the usual hours.",
  recorded: "overrideRemoved",
});

/** A new private feed URL (any earlier one stops working). Only its hash is stored, so the URL is shown this once. */
export const createFeed = guardedOperation(feedFormSchema, async (_input, { therapist, audit }) => {
  const { url } = await createCalendarFeed(therapist);
  await audit({ action: "change", subjectType: "calendar-feed", detail: { created: true } });
  return saved("Your new calendar feed. Copy it into your calendar app now: it is shown only this once. Any earlier feed URL has stopped working.", { url });
});

export const revokeFeed = guardedOperation(feedFormSchema, async (_input, { therapist, audit }) => {
  const { revoked } = await revokeCalendarFeed(therapist);
  await audit({ action: "change", subjectType: "calendar-feed", detail: { revoked } });
  return saved("The feed is off.", { revoked });
});

/** What reading a calendar came to, in the room's words. */
function readOutcome(result: Extract<BusyCalendarOutcome, { status: "done" }>, done: string): string {
  const refreshed = result.refreshed;
  if (!refreshed) return done;
  if (refreshed.status === "failed") return `${done} It could not be read: ${refreshed.message} Its last good busy times, if any, still count.`;
  if (refreshed.status === "unchanged") return `${done} It has not changed since the last read.`;
  const read = `${done} ${refreshed.busyTimes} busy time${refreshed.busyTimes === 1 ? "" : "s"} read; /book no longer offers them.`;
  return refreshed.leftOut ? `${read} ${refreshed.leftOut}` : read;
}


const calendarId = z.strictObject({ id: z.string().max(100) });

/** Adds one of her calendars (a name and its secret address) and reads it at once. */
export const addBusyCalendarFromForm = availabilityChange(readOutcome, busyCalendarFormSchema, addBusyCalendar, { message: "Calendar added.", recorded: "calendarAdded" });

export const removeBusyCalendarFromForm = availabilityChange(readOutcome, calendarId, (therapist, { id }) => removeBusyCalendar(therapist, id), {
  message: "Calendar removed; its busy times no longer count.",
  recorded: "calendarRemoved",
});

/** "Refresh now": reads one calendar whatever the schedule says. */
export const refreshBusyCalendarFromForm = availabilityChange(readOutcome, calendarId, (therapist, { id }) => refreshBusyCalendarNow(therapist, id), {
  message: "Calendar read again.",
  recorded: "calendarRefreshed",
});
