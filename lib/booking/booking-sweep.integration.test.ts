import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, outboxEmails } from "@/db/schema";
import { NOW, at, intakeRequest, ip, rowCounts, therapist, requestConfirmedBooking } from "@/lib/testing/booking-fixtures";
import { practice } from "@/lib/practice/practice";
import { runSweep } from "@/lib/maintenance/sweep";
import { renderEmail } from "@/lib/email/render";
import { findFreeSlots } from "./availability";
import { expireBookingRequests, purgeClosedBookings, queueBookingReminders } from "./booking-sweep";
import { confirmBooking, declineBooking, markBookingCompleted } from "./decisions";
import { findManagedBooking } from "./manage-booking";
import { findSessionType } from "./session-types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const intake = findSessionType("intake")!;

async function bookIntake(overrides: Record<string, unknown> = {}) {
  const result = await requestConfirmedBooking(intakeRequest(overrides), { ip: ip(), now: NOW });
  if (result.status !== "requested") throw new Error(`booking refused: ${JSON.stringify(result)}`);
  return result;
}

async function templatesTo(address: string) {
  const db = await getDb();
  return (await db.select().from(outboxEmails).where(eq(outboxEmails.recipient, address))).map((email) => email.template).sort();
}

describe("requests nobody answered", () => {
  it("lapse at their expiry: the time is freed, the visitor told once, and the therapist can no longer confirm", async () => {
    const { bookingId, manageToken } = await bookIntake({ email: "lapsed@example.com", startsAt: at("2027-03-04", "09:00").toISOString() });
    const expiry = new Date(NOW.getTime() + practice.booking.requestExpiryHours * HOUR);
    expect(await expireBookingRequests(new Date(expiry.getTime() - 1000))).toBe(0);
    expect(await expireBookingRequests(expiry)).toBe(1);
    expect(await expireBookingRequests(new Date(expiry.getTime() + HOUR))).toBe(0);

    expect((await findManagedBooking(manageToken, expiry))!.status).toBe("expired");
    expect(await templatesTo("lapsed@example.com")).toEqual(["booking-expired", "booking-hold", "booking-requested"]);
    const free = await findFreeSlots(intake, { now: NOW });
    expect(free.map((slot) => slot.startsAt.getTime())).toContain(at("2027-03-04", "09:00").getTime());
    expect(await confirmBooking(therapist, bookingId, { now: expiry })).toMatchObject({ status: "refused" });
    const db = await getDb();
    const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.template, "booking-expired"));
    expect((await renderEmail(email!.template, email!.props)).text).toContain("could not confirm your request in time");
  });

  it("never lapse once answered", async () => {
    const { bookingId } = await bookIntake();
    await confirmBooking(therapist, bookingId, { now: NOW });
    expect(await expireBookingRequests(new Date(NOW.getTime() + 30 * DAY))).toBe(0);
  });
});

describe("reminders", () => {
  it("go out once, a day before a confirmed session, and not for an unconfirmed one", async () => {
    const confirmed = await bookIntake({ email: "remind.me@example.com", startsAt: at("2027-03-05", "10:00").toISOString() });
    await bookIntake({ email: "not.yet@example.com", startsAt: at("2027-03-04", "09:00").toISOString() });
    await confirmBooking(therapist, confirmed.bookingId, { now: NOW });
    const dayBefore = new Date(at("2027-03-05", "10:00").getTime() - practice.booking.reminderHoursBefore * HOUR);
    expect(await queueBookingReminders(new Date(dayBefore.getTime() - HOUR))).toBe(0);
    expect(await queueBookingReminders(dayBefore)).toBe(1);
    expect(await queueBookingReminders(new Date(dayBefore.getTime() + HOUR))).toBe(0);
    expect(await templatesTo("remind.me@example.com")).toEqual(["booking-confirmed", "booking-hold", "booking-reminder", "booking-requested"]);
    expect(await templatesTo("not.yet@example.com")).toEqual(["booking-hold", "booking-requested"]);
  });
});

describe("retention", () => {
  it("purges declined, cancelled and expired requests with their emails after the configured days, and keeps sessions", async () => {
    const declined = await bookIntake({ email: "old.decline@example.com" });
    const completed = await bookIntake({ email: "client@example.com", startsAt: at("2027-03-04", "09:00").toISOString() });
    await declineBooking(therapist, declined.bookingId, {}, { now: NOW });
    await confirmBooking(therapist, completed.bookingId, { now: NOW });
    await markBookingCompleted(therapist, completed.bookingId, { now: at("2027-03-04", "10:00") });

    const justBefore = new Date(NOW.getTime() + practice.booking.closedRequestRetentionDays * DAY - 1000);
    expect(await purgeClosedBookings(justBefore)).toBe(0);
    expect(await purgeClosedBookings(new Date(NOW.getTime() + practice.booking.closedRequestRetentionDays * DAY + 1000))).toBe(1);

    const db = await getDb();
    expect((await db.select({ id: bookings.id }).from(bookings)).map((row) => row.id)).toEqual([completed.bookingId]);
    expect(await templatesTo("old.decline@example.com")).toEqual([]);
    expect(await templatesTo("client@example.com")).toEqual(["booking-confirmed", "booking-hold", "booking-requested"]);
    // The therapist's notice about the purged request goes too; the client's stays.
    expect((await rowCounts()).emails).toBe(4);
  });
});

describe("the periodic sweep", () => {
  it("runs the booking jobs with the outbox and reports them", async () => {
    await bookIntake({ startsAt: at("2027-03-04", "09:00").toISOString() });
    const result = await runSweep(new Date(NOW.getTime() + practice.booking.requestExpiryHours * HOUR));
    expect(result.booking).toEqual({ released: 0, expired: 1, reminded: 0, purged: 0 });
    // Without a Resend key the development mailbox "delivers" everything queued, the expiry notice included.
    expect(result.outbox.sent).toBe(4);
    expect(await findFreeSlots(intake, { now: NOW })).toContainEqual(expect.objectContaining({ startsAt: at("2027-03-04", "09:00") }));
  });
});
