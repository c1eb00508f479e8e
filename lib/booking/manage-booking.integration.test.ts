import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, outboxEmails } from "@/db/schema";
import { NOW, WEDNESDAY, at, consultationRequest, intakeRequest, ip, rowCounts, requestConfirmedBooking } from "@/lib/testing/booking-fixtures";
import { practice } from "@/lib/practice/practice";
import { renderEmail } from "@/lib/email/render";
import { findFreeSlots } from "./availability";
import { cancelBookingByVisitor, findManagedBooking, managedBookingCalendar, rescheduleBookingByVisitor } from "./manage-booking";
import { manageToken } from "./manage-link";
import { findSessionType } from "./session-types";

const intake = findSessionType("intake")!;
const HOUR = 3_600_000;

async function bookIntake(overrides: Record<string, unknown> = {}) {
  const result = await requestConfirmedBooking(intakeRequest(overrides), { ip: ip(), now: NOW });
  if (result.status !== "requested") throw new Error(`booking refused: ${JSON.stringify(result)}`);
  return result;
}

async function freeIntakeStarts(now = NOW) {
  return (await findFreeSlots(intake, { now })).map((slot) => slot.startsAt.toISOString());
}

async function emailsSince(count: number) {
  const db = await getDb();
  return (await db.select().from(outboxEmails).orderBy(outboxEmails.createdAt)).slice(count);
}

describe("the manage link", () => {
  it("opens the booking it was made for, showing the appointment but none of the intake answers", async () => {
    const { manageToken: token, bookingId } = await bookIntake({ whatBringsYou: "private words", phone: "+1 503 555 0100" });
    const managed = await findManagedBooking(token, NOW);
    expect(managed).toMatchObject({
      id: bookingId,
      status: "requested",
      sessionName: "Intake session",
      name: "Robin Vale",
      visitorTimeZone: "Europe/London",
      canChange: true,
    });
    expect(managed!.changeCutoffAt).toEqual(new Date(at(WEDNESDAY, "12:00").getTime() - practice.booking.changeCutoffHours * HOUR));
    expect(JSON.stringify(managed)).not.toMatch(/private words|555 0100|example\.com|"OR"/);
  });

  it("reveals nothing for a wrong, malformed, or expired link", async () => {
    const { manageToken: token } = await bookIntake();
    expect(await findManagedBooking("A".repeat(43), NOW)).toBeNull();
    expect(await findManagedBooking(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, NOW)).toBeNull();
    expect(await findManagedBooking("../../etc/passwd", NOW)).toBeNull();
    expect(await findManagedBooking(`${token}x`, NOW)).toBeNull();
    // A link made with another secret (another deployment) opens nothing here.
    expect(await findManagedBooking(manageToken("00000000-0000-4000-8000-000000000000"), NOW)).toBeNull();
    const expired = new Date(at(WEDNESDAY, "12:50").getTime() + (practice.booking.manageLinkDaysAfterSession * 24 + 1) * HOUR);
    expect(await findManagedBooking(token, expired)).toBeNull();
    expect(await managedBookingCalendar(token, expired)).toBeNull();
    expect(await findManagedBooking(token, NOW)).not.toBeNull();
  });

  it("gives an .ics that parses back to the booked instant", async () => {
    const { manageToken: token, bookingId } = await bookIntake();
    const ics = await managedBookingCalendar(token, NOW);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics!)).getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate()).toEqual(at(WEDNESDAY, "12:00"));
    expect(event.endDate.toJSDate()).toEqual(at(WEDNESDAY, "12:50"));
    expect(event.uid).toBe(`${bookingId}@localhost`);
    expect(event.component.getFirstPropertyValue("status")).toBe("TENTATIVE");
    expect(ics).not.toContain("Robin");
  });
});

const QUIET_AFTER_BOOKING = new Date(NOW.getTime() + 11 * 60_000);

describe("cancelling from the manage page", () => {
  it("cancels before the cut-off, frees the time, and tells both the visitor and the therapist", async () => {
    const { manageToken: token, bookingId } = await bookIntake();
    const before = (await rowCounts()).emails;
    // Ten quiet minutes after the request's own notice, so the therapist's next one is sent at once, not gathered into a summary.
    const result = await cancelBookingByVisitor({ token }, { ip: ip(), now: QUIET_AFTER_BOOKING });
    expect(result).toEqual({ status: "done", token, outcome: "cancelled" });
    expect(await findManagedBooking(token, NOW)).toMatchObject({ status: "cancelled", cancelledBy: "visitor", canChange: false });
    expect(await freeIntakeStarts()).toContain(at(WEDNESDAY, "12:00").toISOString());
    const emails = await emailsSince(before);
    expect(emails.map((email) => email.template).sort()).toEqual(["booking-cancelled", "booking-notification"]);
    const notice = emails.find((email) => email.template === "booking-notification")!;
    expect(notice.props).toMatchObject({ kind: "cancelled", bookingId });
    expect(notice.subject).toBe("An appointment was cancelled");
  });

  it("refuses after the cut-off with the late-cancellation policy, and writes nothing", async () => {
    const { manageToken: token } = await bookIntake();
    const late = new Date(at(WEDNESDAY, "12:00").getTime() - (practice.booking.changeCutoffHours - 1) * HOUR);
    const before = await rowCounts();
    const result = await cancelBookingByVisitor({ token }, { ip: ip(), now: late });
    expect(result.status).toBe("invalid");
    expect(result.status === "invalid" && result.formError).toContain(practice.booking.lateCancellationPolicy);
    expect((await findManagedBooking(token, late))!.status).toBe("requested");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a post whose hidden website field a script filled, like every public form, and writes nothing", async () => {
    const { manageToken: token } = await bookIntake();
    const before = await rowCounts();
    const result = await cancelBookingByVisitor({ token, website: "http://spam.example" }, { ip: ip(), now: NOW });
    expect(result).toMatchObject({ status: "invalid", formError: expect.stringContaining("looks automated") });
    expect((await findManagedBooking(token, NOW))!.status).toBe("requested");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a wrong token or a second cancel, and writes nothing", async () => {
    const { manageToken: token } = await bookIntake();
    expect(await cancelBookingByVisitor({ token: "nope" }, { ip: ip(), now: NOW })).toMatchObject({ status: "invalid", detail: { notFound: true } });
    expect(await cancelBookingByVisitor({ token, extra: "x" }, { ip: ip(), now: NOW })).toMatchObject({ status: "invalid", detail: { notFound: true } });
    await cancelBookingByVisitor({ token }, { ip: ip(), now: NOW });
    const before = await rowCounts();
    expect(await cancelBookingByVisitor({ token }, { ip: ip(), now: NOW })).toMatchObject({ status: "invalid" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("rescheduling from the manage page", () => {
  it("frees the old time and holds the new one together, and tells both sides", async () => {
    const { manageToken: token, bookingId } = await bookIntake();
    const newStart = at(WEDNESDAY, "16:00").toISOString();
    const before = (await rowCounts()).emails;
    expect(await rescheduleBookingByVisitor({ token, startsAt: newStart }, { ip: ip(), now: QUIET_AFTER_BOOKING })).toEqual({ status: "done", token, outcome: "rescheduled" });

    const free = await freeIntakeStarts();
    expect(free).toContain(at(WEDNESDAY, "12:00").toISOString());
    expect(free).not.toContain(newStart);
    const db = await getDb();
    const [moved] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(moved).toMatchObject({ status: "requested", rescheduleCount: 1, startsAt: new Date(newStart), blockedFrom: at(WEDNESDAY, "15:55") });
    const emails = await emailsSince(before);
    expect(emails.map((email) => email.template).sort()).toEqual(["booking-notification", "booking-rescheduled"]);
    const { text } = await renderEmail("booking-rescheduled", emails.find((email) => email.template === "booking-rescheduled")!.props);
    // From 20:00 to midnight in London.
    expect(text).toContain("moved from Wednesday, March 3, 2027 at 8:00 PM to:");
    expect(text.replace(/\s+/gu, " ")).toContain("Thursday, March 4, 2027, 12:00 – 12:50 AM United Kingdom Time (50 minutes)");
  });

  it("can move a booking onto part of its own old time", async () => {
    const { manageToken: token } = await bookIntake();
    const result = await rescheduleBookingByVisitor({ token, startsAt: at(WEDNESDAY, "12:30").toISOString() }, { ip: ip(), now: NOW });
    expect(result.status).toBe("done");
  });

  it("refuses a time someone holds, keeps the old time, and offers the nearest free ones", async () => {
    const mine = await bookIntake();
    await bookIntake({ startsAt: at(WEDNESDAY, "15:00").toISOString() });
    const before = await rowCounts();
    const result = await rescheduleBookingByVisitor({ token: mine.manageToken, startsAt: at(WEDNESDAY, "15:00").toISOString() }, { ip: ip(), now: NOW });
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.formError).toMatch(/just taken.*still has its old time/);
    expect(result.detail!.alternatives!.length).toBeGreaterThan(0);
    expect((await findManagedBooking(mine.manageToken, NOW))!.startsAt).toEqual(at(WEDNESDAY, "12:00"));
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses after the cut-off, without a time, or for a confirmed consultation moved onto a held time", async () => {
    const { manageToken: token } = await bookIntake();
    const late = new Date(at(WEDNESDAY, "12:00").getTime() - HOUR);
    expect(await rescheduleBookingByVisitor({ token, startsAt: at(WEDNESDAY, "16:00").toISOString() }, { ip: ip(), now: late })).toMatchObject({
      status: "invalid",
      formError: expect.stringContaining("Online changes closed"),
    });
    expect(await rescheduleBookingByVisitor({ token }, { ip: ip(), now: NOW })).toMatchObject({ status: "invalid", fieldErrors: { startsAt: [expect.any(String)] } });
    const consultation = await requestConfirmedBooking(consultationRequest({ startsAt: at("2027-03-02", "10:00").toISOString() }), { ip: ip(), now: NOW });
    if (consultation.status !== "requested") throw new Error("consultation refused");
    const onIntake = await rescheduleBookingByVisitor({ token: consultation.manageToken, startsAt: at(WEDNESDAY, "12:30").toISOString() }, { ip: ip(), now: NOW });
    expect(onIntake.status).toBe("invalid");
  });
});
