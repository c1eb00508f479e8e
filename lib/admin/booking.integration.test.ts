import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, calendarFeeds, outboxEmails, timeOff } from "@/db/schema";
import { intakeRequest, ip, requestConfirmedBooking } from "@/lib/testing/booking-fixtures";
import { auditTrail as audit, expectEveryCallRefused, intruders } from "@/lib/testing/private-area";
import { navigationOf } from "@/lib/testing/request-scope";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { findFreeSlots } from "@/lib/booking/availability";
import { findSessionType } from "@/lib/booking/session-types";
import {
  addTimeOffFromForm,
  availabilityForEditor,
  bookingsAtAGlance,
  createFeed,
  decideBooking,
  listBookings,
  openBooking,
  removeDayOverrideFromForm,
  removeTimeOffFromForm,
  revokeFeed,
  saveDayOverrideFromForm,
  saveWeeklyHoursFromForm,
} from "./booking";

/** A real request a few days from now (the wrappers act at the real clock). */
async function requested(overrides: Record<string, unknown> = {}) {
  const [slot] = await findFreeSlots(findSessionType("intake")!, { now: new Date() });
  if (!slot) throw new Error("no free intake time");
  const result = await requestConfirmedBooking(intakeRequest({ startsAt: slot.startsAt.toISOString(), ...overrides }), { ip: ip() });
  if (result.status !== "requested") throw new Error(`booking refused: ${JSON.stringify(result)}`);
  return result.bookingId;
}

async function statusOf(id: string) {
  return (await (await getDb()).select({ status: bookings.status }).from(bookings).where(eq(bookings.id, id)))[0]?.status;
}

describe("the therapist's booking rooms", () => {
  it("lists requests upcoming first, filters by status, and a hand-edited filter falls back to everything", async () => {
    await signInAs(THERAPIST);
    const id = await requested({ name: "Listed Person" });
    expect((await listBookings({})).items.map((item) => item.id)).toContain(id);
    expect((await listBookings({ status: "requested" })).items.map((item) => item.id)).toEqual([id]);
    expect((await listBookings({ status: "confirmed" })).items).toEqual([]);
    const bogus = await listBookings({ status: "<script>", when: ["a", "b"] });
    expect(bogus.filter).toEqual({ status: "all", when: "all" });
    expect(bogus.items.map((item) => item.id)).toContain(id);
    // The list carries nothing of the intake.
    expect(Object.keys(bogus.items[0]!)).not.toContain("whatBringsYou");
  });

  it("opening a request shows the intake answers and records the read; a bad id is a 404", async () => {
    await signInAs(THERAPIST);
    const id = await requested({ whatBringsYou: "<b>as typed</b>" });
    const booking = await openBooking(id);
    expect(booking).toMatchObject({ id, whatBringsYou: "<b>as typed</b>", status: "requested", started: false });
    expect(await audit()).toEqual([{ actor: THERAPIST, action: "read", subjectType: "booking", subjectId: id, detail: null }]);
    let thrown: unknown;
    try {
      await openBooking("not-a-uuid");
    } catch (error) {
      thrown = error;
    }
    expect(navigationOf(thrown)).toEqual({ kind: "not-found" });
  });

  it("confirms, declines with a note, and refuses what no longer applies, recording each change", async () => {
    await signInAs(THERAPIST);
    const first = await requested();
    expect(await decideBooking({ id: first, decision: "confirm" })).toEqual({ status: "saved", message: expect.stringMatching(/^Confirmed\. The client's confirmation/), saved: { id: first, status: "confirmed" } });
    expect(await statusOf(first)).toBe("confirmed");
    expect(await decideBooking({ id: first, decision: "confirm" })).toMatchObject({ status: "invalid", formError: expect.any(String) });
    expect(await decideBooking({ id: first, decision: "completed" })).toMatchObject({ status: "invalid", formError: expect.any(String) });
    expect(await decideBooking({ id: first, decision: "cancel", note: "Sorry, I am unwell." })).toMatchObject({ status: "saved", saved: { status: "cancelled" } });

    const second = await requested();
    expect(await decideBooking({ id: second, decision: "decline", note: "x".repeat(1001) })).toMatchObject({ status: "invalid", fieldErrors: { note: [expect.any(String)] } });
    expect(await statusOf(second)).toBe("requested");
    expect(await decideBooking({ id: second, decision: "decline", note: "Try the state's directory." })).toMatchObject({ status: "saved", message: expect.stringMatching(/^Declined\./), saved: { status: "declined" } });
    expect(await decideBooking({ id: "nope", decision: "confirm" })).toMatchObject({ status: "invalid", fieldErrors: { id: [expect.any(String)] } });
    expect(await decideBooking({ id: second, decision: "erase-everything" })).toMatchObject({ status: "invalid", fieldErrors: { decision: [expect.any(String)] } });

    const changes = (await audit()).filter((event) => event.action === "change");
    expect(changes.map((event) => [event.subjectId, event.detail])).toEqual([
      [first, { status: "confirmed", withNote: false }],
      [first, { status: "cancelled", withNote: true }],
      [second, { status: "declined", withNote: true }],
    ]);
  });

  it("confirms with her own note, which goes into the client's email as her words; a note too long changes nothing", async () => {
    await signInAs(THERAPIST);
    const id = await requested();
    const db = await getDb();
    const before = await db.select({ id: outboxEmails.id }).from(outboxEmails);
    expect(await decideBooking({ id, decision: "confirm", note: "x".repeat(1001) })).toMatchObject({ status: "invalid", fieldErrors: { note: [expect.any(String)] } });
    expect(await statusOf(id)).toBe("requested");
    expect(await db.select({ id: outboxEmails.id }).from(outboxEmails)).toEqual(before);
    expect(await decideBooking({ id, decision: "confirm", note: "  Parking is behind the building.  " })).toMatchObject({ status: "saved", saved: { status: "confirmed" } });
    const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.template, "booking-confirmed"));
    expect(email!.props).toMatchObject({ note: "Parking is behind the building." });
    expect((await audit()).filter((event) => event.action === "change").map((event) => event.detail)).toEqual([{ status: "confirmed", withNote: true }]);
  });

  it("the overview shows what awaits an answer", async () => {
    await signInAs(THERAPIST);
    const id = await requested();
    const overview = await bookingsAtAGlance();
    expect(overview.awaitingAnswer.map((item) => item.id)).toEqual([id]);
  });

  it("edits weekly hours, time off and one-day overrides, and the preview follows", async () => {
    await signInAs(THERAPIST);
    const before = await availabilityForEditor();
    const previewDay = before.previews.find((preview) => preview.sessionType === "intake")!.days[0]!.day;

    expect(await addTimeOffFromForm({ startsOn: previewDay, endsOn: previewDay, note: "" })).toMatchObject({ status: "saved", message: expect.stringMatching(/^Time off added\./) });
    const withOff = await availabilityForEditor();
    expect(withOff.previews.find((preview) => preview.sessionType === "intake")!.days.map((day) => day.day)).not.toContain(previewDay);
    expect(await removeTimeOffFromForm({ id: withOff.timeOff[0]!.id })).toMatchObject({ status: "saved" });
    expect(await removeTimeOffFromForm({ id: withOff.timeOff[0]!.id })).toMatchObject({ status: "invalid", formError: "That was already removed." });
    expect(await addTimeOffFromForm({ startsOn: "2027-01-10", endsOn: "2027-01-01" })).toMatchObject({ status: "invalid", fieldErrors: { endsOn: [expect.any(String)] } });
    expect(await addTimeOffFromForm({ startsOn: "tomorrow", endsOn: "2027-01-01" })).toMatchObject({ status: "invalid", fieldErrors: { startsOn: [expect.any(String)] } });

    // Time inputs post "HH:MM" (or "HH:MM:SS"); an empty row is skipped, rows in any order.
    expect(await saveDayOverrideFromForm({ day: "2030-01-02", "ranges-0-start": "14:00", "ranges-0-end": "15:30:00", "ranges-2-start": "09:00", "ranges-2-end": "10:00" })).toMatchObject({ status: "saved" });
    expect((await availabilityForEditor()).overrides).toContainEqual({ day: "2030-01-02", ranges: [{ start: "09:00", end: "10:00" }, { start: "14:00", end: "15:30" }] });
    expect(await saveDayOverrideFromForm({ day: "2030-01-03", "ranges-0-start": "14:00" })).toMatchObject({
      status: "invalid",
      fieldErrors: { "ranges-0-end": [expect.stringMatching(/both times/)] },
      values: { "ranges-0-start": "14:00" },
    });
    expect(await saveDayOverrideFromForm({ day: "2030-01-03", "ranges-0-start": "afternoons", "ranges-0-end": "17:00" })).toMatchObject({ status: "invalid", fieldErrors: { "ranges-0-start": [expect.any(String)] } });
    expect(await saveDayOverrideFromForm({ day: "2030-01-03", "ranges-9-start": "09:00", "ranges-9-end": "10:00" })).toMatchObject({ status: "invalid" });
    expect(await removeDayOverrideFromForm({ day: "2030-01-02" })).toMatchObject({ status: "saved" });

    expect(
      await saveWeeklyHoursFromForm({
        "monday-open": "yes",
        "monday-0-start": "09:00",
        "monday-0-end": "12:00",
        "monday-1-start": "13:00",
        "monday-1-end": "17:00",
        "tuesday-open": "yes",
        "tuesday-0-start": "",
        "wednesday-open": "yes",
        "wednesday-0-start": "10:00",
        "wednesday-0-end": "11:00",
        // Not open: its rows are not kept.
        "thursday-0-start": "10:00",
        "thursday-0-end": "11:00",
      }),
    ).toMatchObject({ status: "invalid", fieldErrors: { tuesday: [expect.stringMatching(/untick Open/)] } });
    expect(
      await saveWeeklyHoursFromForm({
        "monday-open": "yes",
        "monday-0-start": "09:00",
        "monday-0-end": "12:00",
        "monday-1-start": "13:00",
        "monday-1-end": "17:00",
        "tuesday-0-start": "",
        "wednesday-open": "yes",
        "wednesday-0-start": "10:00",
        "wednesday-0-end": "11:00",
        "thursday-0-start": "10:00",
        "thursday-0-end": "11:00",
      }),
    ).toMatchObject({ status: "saved", message: "Weekly hours saved." });
    const weekly = (await availabilityForEditor()).weeklyHours;
    expect(weekly.monday).toEqual([{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }]);
    expect(weekly.tuesday).toEqual([]);
    expect(weekly.wednesday).toEqual([{ start: "10:00", end: "11:00" }]);
    expect(weekly.thursday).toEqual([]);
    // "Copy Monday to every weekday": Monday as typed goes to Tuesday to Friday, the weekend stays as it is.
    expect(
      await saveWeeklyHoursFromForm({
        copy: "monday",
        "monday-open": "yes",
        "monday-0-start": "08:00",
        "monday-0-end": "11:00",
        "monday-1-start": "12:00",
        "monday-1-end": "15:00",
        "wednesday-open": "yes",
        "wednesday-0-start": "10:00",
        "wednesday-0-end": "11:00",
        "saturday-open": "yes",
        "saturday-0-start": "10:00",
        "saturday-0-end": "12:00",
      }),
    ).toMatchObject({ status: "saved", message: "Monday's hours are copied to Tuesday to Friday, and the week is saved." });
    const copied = (await availabilityForEditor()).weeklyHours;
    for (const day of ["monday", "tuesday", "wednesday", "thursday", "friday"] as const) {
      expect(copied[day], day).toEqual([{ start: "08:00", end: "11:00" }, { start: "12:00", end: "15:00" }]);
    }
    expect(copied.saturday).toEqual([{ start: "10:00", end: "12:00" }]);
    expect(copied.sunday).toEqual([]);
    // The practice's rules refuse these beside the day they are about.
    expect(await saveWeeklyHoursFromForm({ "monday-open": "yes", "monday-0-start": "12:00", "monday-0-end": "09:00" })).toMatchObject({
      status: "invalid",
      fieldErrors: { monday: [expect.any(String)] },
      values: { "monday-0-start": "12:00", "monday-0-end": "09:00" },
    });
    expect(await saveWeeklyHoursFromForm({ "monday-open": "yes", "monday-0-start": "09:00", "monday-0-end": "12:00", "monday-1-start": "11:00", "monday-1-end": "13:00" })).toMatchObject({
      status: "invalid",
      fieldErrors: { monday: [expect.any(String)] },
    });
    expect((await audit()).filter((event) => event.subjectType === "availability")).toHaveLength(6);
  });

  it("makes a feed URL shown once (only a hash stored), replaces and revokes it", async () => {
    await signInAs(THERAPIST);
    const made = await createFeed({});
    expect(made).toMatchObject({ status: "saved", saved: { url: expect.stringMatching(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/) } });
    const token = (made.status === "saved" ? made.saved!.url : "").split("/").at(-1)!;
    const rows = await (await getDb()).select().from(calendarFeeds);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await availabilityForEditor()).feed.active).toBe(true);
    expect(await revokeFeed({})).toEqual({ status: "saved", message: "The feed is off.", saved: { revoked: 1 } });
    expect((await availabilityForEditor()).feed.active).toBe(false);
  });

  for (const [who, becomeIntruder] of intruders) {
    it(`is refused for ${who}, reading and writing nothing`, async () => {
      const id = await requested();
      await becomeIntruder();
      await expectEveryCallRefused({
        listBookings: () => listBookings({}),
        openBooking: () => openBooking(id),
        bookingsAtAGlance: () => bookingsAtAGlance(),
        decideBooking: () => decideBooking({ id, decision: "confirm" }),
        availabilityForEditor: () => availabilityForEditor(),
        saveWeeklyHours: () => saveWeeklyHoursFromForm({ "monday-0-start": "" }),
        addTimeOff: () => addTimeOffFromForm({ startsOn: "2030-01-01", endsOn: "2030-01-02" }),
        removeTimeOff: () => removeTimeOffFromForm({ id }),
        saveDayOverride: () => saveDayOverrideFromForm({ day: "2030-01-01" }),
        removeDayOverride: () => removeDayOverrideFromForm({ day: "2030-01-01" }),
        createFeed: () => createFeed({}),
        revokeFeed: () => revokeFeed({}),
      });
      expect(await statusOf(id)).toBe("requested");
      expect(await (await getDb()).select().from(timeOff)).toEqual([]);
    });
  }
});
