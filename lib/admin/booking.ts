import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordAuditEvent } from "@/lib/audit/record";
import { requireTherapist } from "@/lib/auth/guards";
import {
  addTimeOff,
  getAvailability,
  previewFreeTimes,
  removeDayOverride,
  removeTimeOff,
  saveDayOverride,
  saveWeeklyHours,
  type AvailabilityEditResult,
} from "@/lib/booking/availability-editor";
import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from "@/lib/booking/calendar-feed";
import { cancelBookingAsTherapist, confirmBooking, declineBooking, markBookingCompleted, markBookingNoShow } from "@/lib/booking/decisions";
import { bookingListFilterSchema, bookingOverview, getBookingRequest, listBookingRequests } from "@/lib/booking/requests";
import { sessionTypes } from "@/lib/booking/session-types";
import { bookingDecisionSchema, dayOverrideFormSchema, feedFormSchema, timeOffFormSchema, weeklyHoursFormSchema } from "./booking-schemas";
import { OperationRefusal, therapistOperation } from "./therapist-operation";

export { formatRanges, parseRanges } from "./booking-schemas";

/*
 * The private area's door to lib/booking: every function here calls
 * requireTherapist() first and hands its result to the domain function, and
 * every write is recorded in the audit log (ids and states, never what a
 * visitor typed).
 */

async function audit(entry: Parameters<typeof recordAuditEvent>[1]) {
  await recordAuditEvent(await getDb(), entry);
}

/** The requests list. A filter that does not parse (a hand-edited URL) falls back to everything, upcoming first. */
export async function listBookings(filter: Record<string, string | string[] | undefined>) {
  const therapist = await requireTherapist();
  const single = Object.fromEntries(
    Object.entries(filter).filter(([key, value]) => ["status", "when"].includes(key) && typeof value === "string"),
  );
  const parsed = bookingListFilterSchema.safeParse(single);
  const applied = parsed.success ? parsed.data : bookingListFilterSchema.parse({});
  const result = await listBookingRequests(therapist, applied);
  return { ...result, filter: { status: applied.status, when: applied.when } };
}

/** Opens one booking with its intake answers and records the read. A bad or unknown id is a 404. */
export async function openBooking(id: string) {
  const therapist = await requireTherapist();
  const booking = await getBookingRequest(therapist, id);
  if (!booking) notFound();
  await audit({ actor: therapist.email, action: "read", subjectType: "booking", subjectId: booking.id });
  return { ...booking, started: booking.startsAt.getTime() <= Date.now() };
}

/** Today's and this week's sessions and the requests awaiting an answer. */
export async function bookingsAtAGlance() {
  const therapist = await requireTherapist();
  return bookingOverview(therapist);
}

/** Confirm, decline (with an optional note), cancel, or mark a started session completed or missed. */
export const decideBooking = therapistOperation(bookingDecisionSchema, async ({ id, decision, note }, therapist) => {
  const result =
    decision === "confirm"
      ? await confirmBooking(therapist, id)
      : decision === "decline"
        ? await declineBooking(therapist, id, { note })
        : decision === "cancel"
          ? await cancelBookingAsTherapist(therapist, id, { note })
          : decision === "completed"
            ? await markBookingCompleted(therapist, id)
            : await markBookingNoShow(therapist, id);
  if (result.status === "refused") return new OperationRefusal(result.message);
  await audit({
    actor: therapist.email,
    action: "change",
    subjectType: "booking",
    subjectId: id,
    detail: { status: result.bookingStatus, withNote: Boolean(note?.trim()) },
  });
  return { id, status: result.bookingStatus };
});

/** The availability room's data: the rules, the feed's state and two weeks of free times per session type. */
export async function availabilityForEditor() {
  const therapist = await requireTherapist();
  const [availability, feed] = await Promise.all([getAvailability(therapist), calendarFeedStatus(therapist)]);
  const previews = [];
  for (const type of sessionTypes) {
    const preview = await previewFreeTimes(therapist, { sessionType: type.slug, days: 14 });
    previews.push({ sessionType: type.slug, name: type.name, days: preview.status === "preview" ? preview.days : [] });
  }
  return { ...availability, feed, previews };
}

/** Turns the domain's refusal into the operation's; its field keys ("monday.0") name the form's field. */
function editRefusal(result: AvailabilityEditResult) {
  if (result.status === "not-found") return new OperationRefusal("That was already removed.");
  if (result.status === "invalid") {
    const first = Object.entries(result.fieldErrors)[0];
    return new OperationRefusal(first ? `${first[0].split(".")[0]}: ${first[1][0]}` : "Please check the times.");
  }
  return null;
}

export const saveWeeklyHoursFromForm = therapistOperation(weeklyHoursFormSchema, async (input, therapist) => {
  const result = await saveWeeklyHours(therapist, input);
  const refusal = editRefusal(result);
  if (refusal) return refusal;
  await audit({ actor: therapist.email, action: "change", subjectType: "availability", detail: { weeklyHours: true } });
  return { stranded: result.status === "saved" ? result.stranded.length : 0 };
});

export const addTimeOffFromForm = therapistOperation(timeOffFormSchema, async (input, therapist) => {
  const result = await addTimeOff(therapist, input);
  const refusal = editRefusal(result);
  if (refusal) return refusal;
  await audit({ actor: therapist.email, action: "change", subjectType: "availability", detail: { timeOffAdded: true } });
  return { stranded: result.status === "saved" ? result.stranded.length : 0 };
});

export const removeTimeOffFromForm = therapistOperation(z.strictObject({ id: z.string().max(100) }), async ({ id }, therapist) => {
  const refusal = editRefusal(await removeTimeOff(therapist, id));
  if (refusal) return refusal;
  await audit({ actor: therapist.email, action: "change", subjectType: "availability", detail: { timeOffRemoved: true } });
  return { stranded: 0 };
});

export const saveDayOverrideFromForm = therapistOperation(dayOverrideFormSchema, async (input, therapist) => {
  const result = await saveDayOverride(therapist, input);
  const refusal = editRefusal(result);
  if (refusal) return refusal;
  await audit({ actor: therapist.email, action: "change", subjectType: "availability", detail: { overrideSaved: true } });
  return { stranded: result.status === "saved" ? result.stranded.length : 0 };
});

export const removeDayOverrideFromForm = therapistOperation(z.strictObject({ day: z.string().max(10) }), async ({ day }, therapist) => {
  const refusal = editRefusal(await removeDayOverride(therapist, day));
  if (refusal) return refusal;
  await audit({ actor: therapist.email, action: "change", subjectType: "availability", detail: { overrideRemoved: true } });
  return { stranded: 0 };
});

/** A new private feed URL (any earlier one stops working). Only its hash is stored, so the URL is shown this once. */
export const createFeed = therapistOperation(feedFormSchema, async (_input, therapist) => {
  const { url } = await createCalendarFeed(therapist);
  await audit({ actor: therapist.email, action: "change", subjectType: "calendar-feed", detail: { created: true } });
  return { url };
});

export const revokeFeed = therapistOperation(feedFormSchema, async (_input, therapist) => {
  const { revoked } = await revokeCalendarFeed(therapist);
  await audit({ actor: therapist.email, action: "change", subjectType: "calendar-feed", detail: { revoked } });
  return { revoked };
});
