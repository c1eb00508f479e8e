import ICAL from "ical.js";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, outboxEmails } from "@/db/schema";
import { withFakeResend } from "@/lib/testing/fake-resend";
import { NOW, WEDNESDAY, at, consultationRequest, intakeRequest, ip, rowCounts, therapist, requestConfirmedBooking } from "@/lib/testing/booking-fixtures";
import { practice } from "@/lib/practice/practice";
import { drainOutbox } from "@/lib/email/dispatcher";
import { findFreeSlots } from "./availability";
import { calendarFeedIcs, calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from "./calendar-feed";
import { cancelBookingAsTherapist, confirmBooking, declineBooking, markBookingCompleted, markBookingNoShow } from "./decisions";
import { eraseBookingPerson } from "./erase";
import { bookingOverview, getBookingRequest, listBookingRequests } from "./requests";
import { findSessionType } from "./session-types";

const fake = withFakeResend();

const HOUR = 3_600_000;

async function bookIntake(overrides: Record<string, unknown> = {}, now = NOW) {
  const result = await requestConfirmedBooking(intakeRequest(overrides), { ip: ip(), now });
  if (result.status !== "requested") throw new Error(`booking refused: ${JSON.stringify(result)}`);
  return result;
}

async function statusOf(id: string) {
  const db = await getDb();
  return (await db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, id)))[0]?.status;
}

describe("confirming a request", () => {
  it("confirms it, and the visitor's email carries an .ics that parses to the booked instant", async () => {
    const { bookingId } = await bookIntake({ email: "ics.check@example.com", format: "in-person" });
    await drainOutbox({ now: NOW });
    fake.reset();

    expect(await confirmBooking(therapist, bookingId, { now: NOW })).toEqual({ status: "done", bookingId, bookingStatus: "confirmed" });
    expect(await drainOutbox({ now: NOW })).toMatchObject({ sent: 1 });

    const [email] = fake.emails();
    expect(email).toMatchObject({ to: ["ics.check@example.com"], subject: "Your appointment is confirmed" });
    expect(email!.text).toContain(practice.booking.inPersonAddress[1]);
    expect(email!.attachments).toHaveLength(1);
    const [attachment] = email!.attachments;
    expect(attachment).toMatchObject({ filename: "appointment.ics", contentType: expect.stringMatching(/^text\/calendar/) });
    const ics = Buffer.from(attachment!.content, "base64").toString("utf8");
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate()).toEqual(at(WEDNESDAY, "12:00"));
    expect(event.endDate.toJSDate()).toEqual(at(WEDNESDAY, "12:50"));
    expect(event.uid).toBe(`${bookingId}@localhost`);
    expect(event.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(event.location).toContain("2240 SE Division Street");
    expect(event.component.getFirstPropertyValue("dtstamp")).toBeTruthy();
    expect(ics).not.toContain("Robin");
  });

  it("refuses a request that has lapsed, one already answered, an unknown id and a malformed one, writing nothing", async () => {
    const { bookingId } = await bookIntake();
    const lapsed = new Date(NOW.getTime() + (practice.booking.requestExpiryHours + 1) * HOUR);
    const before = await rowCounts();
    expect(await confirmBooking(therapist, bookingId, { now: lapsed })).toMatchObject({ status: "refused", reason: "not-awaiting-answer" });
    expect(await confirmBooking(therapist, "00000000-0000-4000-8000-000000000000", { now: NOW })).toMatchObject({ reason: "not-found" });
    expect(await confirmBooking(therapist, "'; drop table booking; --", { now: NOW })).toMatchObject({ reason: "not-found" });
    expect(await rowCounts()).toEqual(before);
    await confirmBooking(therapist, bookingId, { now: NOW });
    expect(await confirmBooking(therapist, bookingId, { now: NOW })).toMatchObject({ reason: "not-awaiting-answer" });
  });

  it("confirmed close to the session, counts the confirmation as the reminder", async () => {
    const { bookingId } = await bookIntake();
    // Five hours before: inside the reminder window, and before the request lapses (48 hours after NOW).
    const close = new Date(at(WEDNESDAY, "12:00").getTime() - 5 * HOUR);
    await confirmBooking(therapist, bookingId, { now: close });
    const db = await getDb();
    const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row!.reminderQueuedAt).toEqual(close);
  });
});

describe("declining and cancelling", () => {
  it("declines with a note, frees the time, and the email carries the note and where else to look", async () => {
    const { bookingId } = await bookIntake({ email: "declined@example.com" });
    const note = "My practice is full this season; I am sorry.";
    expect(await declineBooking(therapist, bookingId, { note }, { now: NOW })).toMatchObject({ status: "done", bookingStatus: "declined" });
    const intake = findSessionType("intake")!;
    expect((await findFreeSlots(intake, { now: NOW })).map((slot) => slot.startsAt.getTime())).toContain(at(WEDNESDAY, "12:00").getTime());
    await drainOutbox({ now: NOW });
    const declined = fake.emails().find((email) => email.to[0] === "declined@example.com" && email.subject === "About your appointment request")!;
    expect(declined.text).toContain(note);
    expect(declined.text).toContain("Psychology Today");
    expect(declined.attachments).toEqual([]);
  });

  it("refuses a note over 1,000 characters and writes nothing", async () => {
    const { bookingId } = await bookIntake();
    const before = await rowCounts();
    expect(await declineBooking(therapist, bookingId, { note: "x".repeat(1001) }, { now: NOW })).toMatchObject({ reason: "invalid-note" });
    expect(await statusOf(bookingId)).toBe("requested");
    expect(await rowCounts()).toEqual(before);
  });

  it("cancels a confirmed booking from the practice's side and tells the visitor who cancelled", async () => {
    const { bookingId } = await bookIntake({ email: "cancelled@example.com" });
    await confirmBooking(therapist, bookingId, { now: NOW });
    expect(await cancelBookingAsTherapist(therapist, bookingId, { note: "I am unwell." }, { now: NOW })).toMatchObject({ bookingStatus: "cancelled" });
    await drainOutbox({ now: NOW });
    const cancelled = fake.emails().find((email) => email.subject === "Your appointment has been cancelled")!;
    expect(cancelled.text).toContain("has had to cancel");
    expect(cancelled.text).toContain("I am unwell.");
    expect(await cancelBookingAsTherapist(therapist, bookingId, {}, { now: NOW })).toMatchObject({ reason: "not-active" });
  });

  it("marks a session completed or a no-show only once it has started", async () => {
    const { bookingId } = await bookIntake();
    expect(await markBookingCompleted(therapist, bookingId, { now: NOW })).toMatchObject({ reason: "not-started" });
    await confirmBooking(therapist, bookingId, { now: NOW });
    expect(await markBookingCompleted(therapist, bookingId, { now: NOW })).toMatchObject({ reason: "not-started" });
    const after = at(WEDNESDAY, "13:00");
    expect(await markBookingNoShow(therapist, bookingId, { now: after })).toMatchObject({ bookingStatus: "no_show" });
    expect(await markBookingCompleted(therapist, bookingId, { now: after })).toMatchObject({ bookingStatus: "completed" });
    expect(await statusOf(bookingId)).toBe("completed");
  });
});

describe("the therapist's lists", () => {
  it("lists upcoming first (soonest at the top), then past ones, filtered by status", async () => {
    const first = await bookIntake({ startsAt: at(WEDNESDAY, "16:00").toISOString() });
    const second = await bookIntake({ startsAt: at(WEDNESDAY, "12:00").toISOString() });
    const third = await bookIntake({ startsAt: at("2027-03-04", "09:00").toISOString() });
    await declineBooking(therapist, third.bookingId, {}, { now: NOW });
    const later = at(WEDNESDAY, "14:00");

    const all = await listBookingRequests(therapist, {}, { now: later });
    expect(all.items.map((item) => item.id)).toEqual([first.bookingId, third.bookingId, second.bookingId]);
    expect(all.total).toBe(3);
    expect(all.items[0]).not.toHaveProperty("whatBringsYou");
    expect((await listBookingRequests(therapist, { status: "declined" }, { now: later })).items.map((item) => item.id)).toEqual([third.bookingId]);
    expect((await listBookingRequests(therapist, { when: "past" }, { now: later })).items.map((item) => item.id)).toEqual([second.bookingId]);
    expect((await listBookingRequests(therapist, { status: "requested", when: "upcoming", limit: 1 }, { now: later })).items).toHaveLength(1);
    await expect(listBookingRequests(therapist, { status: "bogus" as "requested" })).rejects.toThrow();
  });

  it("opens one request with its intake answers and consent record", async () => {
    const { bookingId } = await bookIntake({ whatBringsYou: "Sleep has been hard.", phone: "+1 503 555 0111", location: "CA" });
    const detail = await getBookingRequest(therapist, bookingId);
    expect(detail).toMatchObject({
      whatBringsYou: "Sleep has been hard.",
      phone: "+1 503 555 0111",
      location: "CA",
      locationName: "California",
      heardAbout: "blog",
      consentNoticeVersion: practice.privacy.noticeVersion,
      consentedAt: NOW,
    });
    expect(await getBookingRequest(therapist, "not-a-uuid")).toBeNull();
  });

  it("shows today's and this week's sessions and what awaits an answer", async () => {
    const monday = await requestConfirmedBooking(consultationRequest({ startsAt: at("2027-03-01", "13:00").toISOString() }), { ip: ip(), now: NOW });
    const wednesday = await bookIntake();
    const nextWeek = await bookIntake({ startsAt: at("2027-03-09", "09:00").toISOString() });
    if (monday.status !== "requested") throw new Error("consultation refused");
    const overview = await bookingOverview(therapist, { now: NOW });
    expect(overview.today.map((item) => item.id)).toEqual([monday.bookingId]);
    expect(overview.thisWeek.map((item) => item.id)).toEqual([monday.bookingId, wednesday.bookingId]);
    expect(overview.awaitingAnswer.map((item) => item.id)).toEqual([wednesday.bookingId, nextWeek.bookingId]);
  });
});

describe("the private calendar feed", () => {
  it("serves confirmed sessions with no intake detail, until it is revoked or replaced", async () => {
    const { bookingId } = await bookIntake({ name: "Quinn Private", email: "quinn@example.com", whatBringsYou: "very private" });
    const unconfirmed = await bookIntake({ startsAt: at(WEDNESDAY, "16:00").toISOString() });
    await confirmBooking(therapist, bookingId, { now: NOW });
    expect(await calendarFeedStatus(therapist)).toEqual({ active: false, createdAt: null });

    const { url } = await createCalendarFeed(therapist, { now: NOW });
    const token = url.split("/").at(-1)!;
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    const ics = (await calendarFeedIcs(token, { now: NOW }))!;
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.uid)).toEqual([`${bookingId}@localhost`]);
    expect(events[0]!.startDate.toJSDate()).toEqual(at(WEDNESDAY, "12:00"));
    for (const secret of ["Quinn", "quinn@example.com", "very private", "Oregon", unconfirmed.bookingId]) expect(ics).not.toContain(secret);
    expect(await calendarFeedStatus(therapist)).toMatchObject({ active: true });

    const replaced = await createCalendarFeed(therapist, { now: NOW });
    expect(await calendarFeedIcs(token, { now: NOW })).toBeNull();
    const newToken = replaced.url.split("/").at(-1)!;
    expect(await calendarFeedIcs(newToken, { now: NOW })).toContain("BEGIN:VEVENT");
    expect(await revokeCalendarFeed(therapist)).toEqual({ revoked: 1 });
    expect(await calendarFeedIcs(newToken, { now: NOW })).toBeNull();
    expect(await calendarFeedIcs("not a token", { now: NOW })).toBeNull();
  });
});

describe("erasing a person", () => {
  it("leaves no booking and no email with their address, and only theirs", async () => {
    const mine = await bookIntake({ email: "Erase.Me@example.com" });
    await bookIntake({ email: "erase.me@example.com", startsAt: at(WEDNESDAY, "16:00").toISOString() });
    const other = await bookIntake({ email: "keep@example.com", startsAt: at("2027-03-04", "09:00").toISOString() });
    await confirmBooking(therapist, mine.bookingId, { now: NOW });

    // Theirs: two holds, two receipts, a confirmation, and the therapist's notice of their first booking (the next
    // ones joined her ten-minute summary, which names no one and stays).
    expect(await eraseBookingPerson(therapist, " ERASE.me@example.com ")).toEqual({ bookings: 2, emails: 6 });
    const db = await getDb();
    const leftovers = await db.select().from(outboxEmails).where(sql`${outboxEmails.props}::text ilike '%erase.me%' or lower(${outboxEmails.recipient}) = 'erase.me@example.com'`);
    expect(leftovers).toEqual([]);
    expect((await db.select().from(bookings)).map((row) => row.id)).toEqual([other.bookingId]);
    // The other person's emails (their hold and receipt) and the summary are untouched.
    expect((await rowCounts()).emails).toBe(3);
    // The freed time is offered again.
    expect((await findFreeSlots(findSessionType("intake")!, { now: NOW }))[0]!.startsAt).toEqual(at(WEDNESDAY, "12:00"));
  });
});
