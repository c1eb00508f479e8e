import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, outboxEmails } from "@/db/schema";
import { renderEmail } from "@/lib/email/render";
import { practice } from "@/lib/practice/practice";
import { NOW, WEDNESDAY, at, consultationRequest, intakeRequest, ip, rowCounts, therapist } from "@/lib/testing/booking-fixtures";
import { findFreeSlots } from "./availability";
import { runBookingSweep } from "./booking-sweep";
import { HOLD_MINUTES, confirmHold, confirmHoldButton, holdByToken } from "./hold";
import { findManagedBooking } from "./manage-booking";
import { manageToken } from "./manage-link";
import { requestBooking } from "./request-booking";
import { bookingOverview, listBookingRequests } from "./requests";
import { findSessionType } from "./session-types";

const intake = findSessionType("intake")!;
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const freeStarts = async (now: Date) => (await findFreeSlots(intake, { now })).map((slot) => slot.startsAt.toISOString());

async function hold(input = intakeRequest(), now = NOW) {
  const result = await requestBooking(input, { ip: ip(), now });
  if (result.status !== "held") throw new Error(`booking refused: ${JSON.stringify(result)}`);
  return { ...result, input, token: manageToken(result.bookingId) };
}

async function templates() {
  const db = await getDb();
  return (await db.select().from(outboxEmails).orderBy(outboxEmails.template)).map((email) => [email.template, email.recipient]);
}

describe("a time asked for by an address nobody has proven", () => {
  it("is held, the visitor alone is emailed a link to confirm it, and the therapist sees nothing yet", async () => {
    const { input, token, bookingId } = await hold();
    expect(await freeStarts(NOW)).not.toContain(input.startsAt);
    expect(await templates()).toEqual([["booking-hold", input.email]]);
    const db = await getDb();
    const [email] = await db.select().from(outboxEmails);
    const { text } = await renderEmail(email!.template, email!.props);
    expect(text).toContain(`/book/confirm/${token}`);
    expect(JSON.stringify(email!.props)).not.toContain(token);
    expect(text).toContain(`${HOLD_MINUTES} minutes`);

    expect((await listBookingRequests(therapist, {}, { now: NOW })).items).toEqual([]);
    expect((await bookingOverview(therapist, { now: NOW })).awaitingAnswer).toEqual([]);
    // Nor does the manage link open it before the visitor confirms.
    expect(await findManagedBooking(token, NOW)).toBeNull();
    const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row).toMatchObject({ status: "requested", holdExpiresAt: minutes(HOLD_MINUTES), expiresAt: null, confirmedAt: null });
  });

  it("opening the confirm link (a GET, as a mail scanner does) confirms nothing", async () => {
    const { token, bookingId } = await hold();
    const before = await rowCounts();
    for (let i = 0; i < 3; i += 1) expect((await holdByToken(token, minutes(5))).state).toBe("held");
    const db = await getDb();
    const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row!.holdExpiresAt).not.toBeNull();
    expect(await rowCounts()).toEqual(before);
    expect((await listBookingRequests(therapist, {}, { now: NOW })).items).toEqual([]);
  });

  it("the Confirm button comes through the public door: a filled honeypot or a token we never issued confirms nothing", async () => {
    const { token } = await hold();
    const before = await rowCounts();
    expect(await confirmHoldButton({ token, website: "spam" }, { ip: ip(), now: minutes(5) })).toMatchObject({ status: "invalid" });
    expect(await confirmHoldButton({ token: `${token}x` }, { ip: ip(), now: minutes(5) })).toMatchObject({ status: "invalid" });
    expect(await rowCounts()).toEqual(before);
    expect((await holdByToken(token, minutes(5))).state).toBe("held");
    expect(await confirmHoldButton({ token }, { ip: ip(), now: minutes(5) })).toEqual({ status: "success", outcome: "confirmed" });
  });

  it("pressing Confirm sends an intake request on: the therapist is told and her time to answer starts", async () => {
    const { input, token, bookingId } = await hold();
    expect(await confirmHold(token, minutes(5))).toBe("confirmed");
    expect(await templates()).toEqual([
      ["booking-hold", input.email],
      ["booking-notification", practice.notificationEmail],
      ["booking-requested", input.email],
    ]);
    const db = await getDb();
    // Her notice says which session and when, on the practice's clock, and links to the request: nothing the visitor typed.
    const [notice] = await db.select().from(outboxEmails).where(eq(outboxEmails.template, "booking-notification"));
    expect(notice!.props).toEqual({
      kind: "requested",
      bookingId,
      bookingUrl: `http://localhost:3000/admin/requests/${bookingId}`,
      sessionName: "Intake session",
      when: expect.stringMatching(/^Wednesday, March 3, 2027, 12:00\s.\s12:50\sPM Pacific Time \(50 minutes\)$/),
    });
    const { text } = await renderEmail("booking-notification", notice!.props);
    expect(text).toContain("Intake session, Wednesday, March 3, 2027");
    expect(text).toContain(`/admin/requests/${bookingId}`);
    expect(`${notice!.subject}${text}`).not.toContain(input.name);
    expect(`${notice!.subject}${text}`).not.toContain(input.email);
    const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row).toMatchObject({ status: "requested", holdExpiresAt: null, expiresAt: new Date(minutes(5).getTime() + practice.booking.requestExpiryHours * 3_600_000) });
    expect((await listBookingRequests(therapist, {}, { now: NOW })).items.map((item) => item.id)).toEqual([bookingId]);
    expect(await findManagedBooking(token, minutes(5))).not.toBeNull();
    // A second press (or a second tab) sends nothing more.
    expect(await confirmHold(token, minutes(6))).toBe("already");
    expect(await templates()).toHaveLength(3);
  });

  it("an immediate type becomes confirmed, with its .ics, only when the visitor confirms", async () => {
    const { input, token } = await hold(consultationRequest({ startsAt: at("2027-03-01", "13:00").toISOString() }));
    const db = await getDb();
    expect((await db.select().from(bookings))[0]).toMatchObject({ status: "requested", confirmedAt: null });
    expect(await confirmHold(token, minutes(1))).toBe("confirmed");
    expect((await db.select().from(bookings))[0]).toMatchObject({ status: "confirmed", confirmedAt: minutes(1) });
    expect(await templates()).toEqual([
      ["booking-confirmed", input.email],
      ["booking-hold", input.email],
      ["booking-notification", practice.notificationEmail],
    ]);
    const [confirmed] = await db.select().from(outboxEmails).where(eq(outboxEmails.template, "booking-confirmed"));
    expect((await renderEmail("booking-confirmed", confirmed!.props)).attachments).toHaveLength(1);
  });

  it("lapses after the hold time: the slot is free at once, before any sweep, and another visitor can take it", async () => {
    const { input, token } = await hold();
    const lapsed = minutes(HOLD_MINUTES + 1);
    expect(await freeStarts(minutes(HOLD_MINUTES - 1))).not.toContain(input.startsAt);
    expect(await freeStarts(lapsed)).toContain(input.startsAt);
    expect(await confirmHold(token, lapsed)).toBe("gone");
    expect((await holdByToken(token, lapsed)).state).toBe("gone");

    // The database's overlap constraint must not count the lapsed hold either.
    const other = await hold(intakeRequest({ startsAt: input.startsAt }), lapsed);
    expect(other.bookingId).toBeDefined();
    const db = await getDb();
    expect((await db.select({ status: bookings.status }).from(bookings).orderBy(bookings.createdAt)).map((row) => row.status)).toEqual(["expired", "requested"]);
  });

  it("is closed by the sweep when it lapses, with no email to the unproven address", async () => {
    await hold();
    await hold(intakeRequest({ startsAt: at(WEDNESDAY, "15:00").toISOString() }));
    expect((await runBookingSweep(minutes(HOLD_MINUTES - 1))).released).toBe(0);
    const summary = await runBookingSweep(minutes(HOLD_MINUTES));
    expect(summary).toMatchObject({ released: 2, expired: 0 });
    expect((await templates()).map(([template]) => template)).toEqual(["booking-hold", "booking-hold"]);
  });
});

describe("a form key sent again", () => {
  it("gives the first outcome only to the same address (however cased) and time", async () => {
    const first = await hold();
    const again = await requestBooking({ ...first.input, email: first.input.email.toUpperCase() }, { ip: ip(), now: NOW });
    expect(again).toEqual({ status: "held", bookingId: first.bookingId, stepToken: first.stepToken });
    expect(await rowCounts()).toEqual({ bookings: 1, emails: 1 });
  });

  it.each([
    ["another address", { email: "taker@example.com" }],
    ["another time", { startsAt: at(WEDNESDAY, "15:00").toISOString() }],
    ["another name, address and time", { name: "Taker", email: "taker@example.com", startsAt: at(WEDNESDAY, "16:00").toISOString() }],
  ])("with %s is refused like a stale form, learns nothing of the booking and stores nothing", async (_, changes) => {
    const first = await hold();
    const before = await rowCounts();
    const replay = await requestBooking({ ...first.input, ...changes }, { ip: ip(), now: NOW });
    expect(replay).toMatchObject({ status: "invalid", formError: expect.stringMatching(/expired/) });
    expect(JSON.stringify(replay)).not.toContain(first.bookingId);
    expect(JSON.stringify(replay)).not.toContain(first.token);
    expect(await rowCounts()).toEqual(before);
  });

  it("is stored only as a hash: the database names no key", async () => {
    const { input } = await hold();
    const db = await getDb();
    const [row] = await db.select().from(bookings);
    expect(JSON.stringify(row)).not.toContain(input.formKey);
    expect(row!.formKeyHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
