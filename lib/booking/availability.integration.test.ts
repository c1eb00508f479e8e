import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { weeklyHours } from "@/db/schema";
import { NOW, WEDNESDAY, at, intakeRequest, ip, therapist, requestConfirmedBooking } from "@/lib/testing/booking-fixtures";
import { practice } from "@/lib/practice/practice";
import { ensureAvailabilitySeeded, findFreeSlots, loadAvailabilityRules } from "./availability";
import { addTimeOff, getAvailability, previewFreeTimes, removeDayOverride, removeTimeOff, saveDayOverride, saveWeeklyHours } from "./availability-editor";
import { findSessionType } from "./session-types";

const intake = findSessionType("intake")!;
const emptyWeek = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };

async function firstFree() {
  return (await findFreeSlots(intake, { now: NOW }))[0]?.startsAt;
}

describe("availability in the database", () => {
  it("is seeded once from content/practice.ts, and a cleared week stays cleared", async () => {
    expect(await ensureAvailabilitySeeded()).toBe(true);
    expect(await ensureAvailabilitySeeded()).toBe(false);
    const rules = await loadAvailabilityRules();
    expect(rules.weekly.filter((range) => range.weekday === 1)).toEqual([
      { weekday: 1, startMinute: 9 * 60, endMinute: 12 * 60 },
      { weekday: 1, startMinute: 13 * 60, endMinute: 17 * 60 },
    ]);
    expect((await getAvailability(therapist)).weeklyHours.wednesday).toEqual(practice.booking.weeklyHours.wednesday);

    expect(await saveWeeklyHours(therapist, emptyWeek, { now: NOW })).toEqual({ status: "done", stranded: [] });
    expect(await ensureAvailabilitySeeded()).toBe(false);
    expect(await firstFree()).toBeUndefined();
  });

  it("seeds once when many first requests arrive together", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => ensureAvailabilitySeeded()));
    expect(results.filter(Boolean)).toHaveLength(1);
    const db = await getDb();
    expect(await db.select().from(weeklyHours)).toHaveLength(Object.values(practice.booking.weeklyHours).flat().length);
  });
});

describe("editing availability", () => {
  it("replaces the week, refusing overlapping or backwards ranges without changing anything", async () => {
    const refused = await saveWeeklyHours(therapist, { ...emptyWeek, monday: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }], tuesday: [{ start: "15:00", end: "14:00" }] });
    expect(refused.status).toBe("refused");
    expect(refused.status === "refused" && refused.reason === "invalid" && Object.keys(refused.fieldErrors).sort()).toEqual(["monday.1", "tuesday.0"]);
    expect(await firstFree()).toEqual(at(WEDNESDAY, "12:00"));
    expect(await saveWeeklyHours(therapist, { ...emptyWeek, wednesday: [{ start: "18:00", end: "20:00" }] }, { now: NOW })).toMatchObject({ status: "done" });
    expect(await firstFree()).toEqual(at(WEDNESDAY, "18:00"));
  });

  it("takes time off and names the bookings it leaves stranded, without cancelling them", async () => {
    const booked = await requestConfirmedBooking(intakeRequest(), { ip: ip(), now: NOW });
    if (booked.status !== "requested") throw new Error("refused");
    const result = await addTimeOff(therapist, { startsOn: WEDNESDAY, endsOn: "2027-03-05", note: "Conference" }, { now: NOW });
    expect(result).toEqual({ status: "done", stranded: [expect.objectContaining({ id: booked.bookingId, status: "requested" })] });
    expect(await firstFree()).toEqual(at("2027-03-08", "09:00"));
    const { timeOff } = await getAvailability(therapist);
    expect(timeOff).toEqual([{ id: expect.any(String), startsOn: WEDNESDAY, endsOn: "2027-03-05", note: "Conference" }]);
    expect(await addTimeOff(therapist, { startsOn: "2027-03-05", endsOn: WEDNESDAY })).toMatchObject({ status: "refused", reason: "invalid", fieldErrors: { endsOn: [expect.any(String)] } });
    expect(await addTimeOff(therapist, { startsOn: "2027-02-30", endsOn: "2027-03-01" })).toMatchObject({ status: "refused", reason: "invalid" });
    expect(await removeTimeOff(therapist, timeOff[0]!.id)).toMatchObject({ status: "done" });
    expect(await removeTimeOff(therapist, timeOff[0]!.id)).toMatchObject({ status: "refused", reason: "not-found" });
    // Wednesday again, after the stranded booking's held 11:55–13:00.
    expect(await firstFree()).toEqual(at(WEDNESDAY, "13:30"));
  });

  it("sets and removes one day's own hours", async () => {
    expect(await saveDayOverride(therapist, { day: WEDNESDAY, ranges: [{ start: "09:00", end: "10:00" }] }, { now: NOW })).toMatchObject({ status: "done" });
    expect(await firstFree()).toEqual(at(WEDNESDAY, "09:00"));
    await saveDayOverride(therapist, { day: WEDNESDAY, ranges: [] }, { now: NOW });
    expect(await firstFree()).toEqual(at("2027-03-04", "09:00"));
    expect(await removeDayOverride(therapist, WEDNESDAY)).toMatchObject({ status: "done" });
    expect(await firstFree()).toEqual(at(WEDNESDAY, "12:00"));
    expect(await removeDayOverride(therapist, "not a day")).toMatchObject({ status: "refused", reason: "not-found" });
  });

  it("previews the free times a draft would give, without saving it", async () => {
    const preview = await previewFreeTimes(
      therapist,
      { sessionType: "intake", days: 3, draft: { weeklyHours: { ...emptyWeek, wednesday: [{ start: "08:00", end: "09:00" }] } } },
      { now: NOW },
    );
    expect(preview).toEqual({ status: "done", timeZone: practice.timeZone, days: [{ day: WEDNESDAY, times: [{ startsAt: at(WEDNESDAY, "08:00"), label: "8:00 AM" }] }] });
    expect(await firstFree()).toEqual(at(WEDNESDAY, "12:00"));
    expect(await previewFreeTimes(therapist, { sessionType: "nope" }, { now: NOW })).toMatchObject({ status: "refused", reason: "invalid" });
  });
});
