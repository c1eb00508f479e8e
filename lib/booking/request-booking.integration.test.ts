import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, outboxEmails } from "@/db/schema";
import { NOW, WEDNESDAY, at, consultationRequest, intakeRequest, ip, requestConfirmedBooking, rowCounts } from "@/lib/testing/booking-fixtures";
import { practice } from "@/lib/practice/practice";
import { renderEmail } from "@/lib/email/render";
import { findFreeSlots } from "./availability";
import { isExclusionViolation } from "@/lib/errors";
import { resetEnvForTests } from "@/lib/env";
import { restoreEnvAfterEach } from "@/lib/testing/env";
import { confirmHold } from "./hold";
import { manageToken, manageTokenHash } from "./manage-link";
import { bookingForm, requestBooking } from "./request-booking";
import { findSessionType } from "./session-types";
import { heldRange } from "./slots";

const intake = findSessionType("intake")!;
const consultation = findSessionType("consultation")!;
// As the visitor would: asked for, then confirmed from the email.
const book = (input: Record<string, unknown> | FormData, now = NOW) => requestConfirmedBooking(input, { ip: ip(), now });

async function freeStarts(type = intake) {
  return (await findFreeSlots(type, { now: NOW })).map((slot) => slot.startsAt.toISOString());
}

describe("requesting an intake session", () => {
  it("holds the time at once, keeps the intake, and queues a receipt with the manage link and a bare notice", async () => {
    const secret = `Nightmares since March ${randomUUID().slice(0, 6)}`;
    const input = intakeRequest({ phone: "+1 503 555 0199", whatBringsYou: secret, location: "WA", format: "in-person" });
    expect(await freeStarts()).toContain(input.startsAt);

    const result = await book(input);
    expect(result.status).toBe("requested");
    if (result.status !== "requested") return;
    expect(result.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The time is gone from what anyone else is offered.
    expect(await freeStarts()).not.toContain(input.startsAt);

    const db = await getDb();
    const [stored] = await db.select().from(bookings);
    expect(stored).toMatchObject({
      id: result.bookingId,
      status: "requested",
      sessionType: "intake",
      format: "in-person",
      name: "Robin Vale",
      email: input.email,
      phone: "+1 503 555 0199",
      location: "WA",
      whatBringsYou: secret,
      heardAbout: "blog",
      visitorTimeZone: "Europe/London",
      consentNoticeVersion: practice.privacy.noticeVersion,
      consentedAt: NOW,
      emergencyAcknowledgedAt: NOW,
      manageTokenHash: manageTokenHash(result.manageToken),
    });
    expect(stored!.startsAt).toEqual(at(WEDNESDAY, "12:00"));
    expect(stored!.endsAt).toEqual(at(WEDNESDAY, "12:50"));
    // Buffers are part of the held time.
    expect(stored!.blockedFrom).toEqual(at(WEDNESDAY, "11:55"));
    expect(stored!.blockedUntil).toEqual(at(WEDNESDAY, "13:00"));
    expect(stored!.expiresAt).toEqual(new Date(NOW.getTime() + practice.booking.requestExpiryHours * 3_600_000));
    expect(JSON.stringify(stored)).not.toContain(result.manageToken);

    const emails = await db.select().from(outboxEmails).orderBy(outboxEmails.template);
    expect(emails.map((email) => [email.template, email.recipient])).toEqual([
      ["booking-hold", input.email],
      ["booking-notification", practice.notificationEmail],
      ["booking-requested", input.email],
    ]);
    for (const email of emails) {
      // The outbox holds no working link and no answer.
      expect(JSON.stringify(email.props)).not.toContain(result.manageToken);
      const { html, text } = await renderEmail(email.template, email.props);
      for (const part of [html, text, email.subject]) {
        expect(part).not.toContain("Nightmares");
        expect(part).not.toContain("555 0199");
        expect(part).not.toContain("Washington");
      }
      if (email.template === "booking-requested") {
        expect(text).toContain(`/book/manage/${result.manageToken}`);
        expect(text).toContain("Hello,");
        expect(text).not.toContain("Robin");
        // Shown in the visitor's zone, and named: 12:00 in Portland is 20:00 in London.
        // With its end and length, so nobody adds 50 minutes in their head.
        expect(text.replace(/\s+/gu, " ")).toContain("Wednesday, March 3, 2027, 8:00 – 8:50 PM United Kingdom Time (50 minutes)");
        expect(text).toContain("United Kingdom Time (Europe/London)");
      } else if (email.template === "booking-notification") {
        expect(`${html}${text}`).not.toContain("Robin");
        expect(`${html}${text}`).not.toContain(input.email);
        expect(text).toMatch(new RegExp(`/admin/requests/${result.bookingId}`));
      }
    }
  });

  it("confirms a consultation at once when the session type says so, with the .ics attached", async () => {
    const input = consultationRequest({ startsAt: at("2027-03-01", "13:00").toISOString() });
    const result = await book(input);
    expect(result.status).toBe("requested");
    const db = await getDb();
    const [stored] = await db.select().from(bookings);
    expect(stored).toMatchObject({ status: "confirmed", confirmedAt: NOW, expiresAt: null });
    const emails = await db.select().from(outboxEmails).orderBy(outboxEmails.template);
    expect(emails.map((email) => email.template)).toEqual(["booking-confirmed", "booking-hold", "booking-notification"]);
    const confirmed = await renderEmail("booking-confirmed", emails[0]!.props);
    expect(confirmed.attachments.map((file) => file.filename)).toEqual(["appointment.ics"]);
    expect(Buffer.from(confirmed.attachments[0]!.content, "base64").toString()).toContain(`DTSTART:20270301T210000Z`);
  });

  it("stores one booking and sends one email when the same form is sent twice", async () => {
    const input = intakeRequest();
    const first = await requestBooking(input, { ip: ip(), now: NOW });
    const again = await requestBooking(input, { ip: ip(), now: NOW });
    expect(first.status).toBe("held");
    expect(again).toEqual(first);
    expect(await rowCounts()).toEqual({ bookings: 1, emails: 1 });
  });

  it("reads a FormData post the way a browser without JavaScript sends it", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(intakeRequest())) form.append(name, String(value));
    form.append("$ACTION_ID_abc123", "");
    expect((await requestBooking(form, { ip: ip(), now: NOW })).status).toBe("held");
    expect(await rowCounts()).toEqual({ bookings: 1, emails: 1 });
  });
});

describe("refusing a booking request", () => {
  restoreEnvAfterEach("UNVERIFIED_EMAILS_PER_HOUR");

  const cases: [string, Record<string, unknown>, { field?: string; form?: RegExp; alternatives?: boolean }][] = [
    ["a missing name", { name: " " }, { field: "name" }],
    ["an invalid email", { email: "robin@" }, { field: "email" }],
    ["a 'what brings you' of 501 characters", { whatBringsYou: "x".repeat(501) }, { field: "whatBringsYou" }],
    ["a 'what brings you' of 1 MB", { whatBringsYou: "x".repeat(1024 * 1024) }, { field: "whatBringsYou" }],
    ["no consent to the privacy notice", { consent: undefined }, { field: "consent" }],
    ["an answer to how they heard that is not offered", { heardAbout: "billboard" }, { field: "heardAbout" }],
    ["a made-up time zone", { timeZone: "Atlantis/Capital" }, { field: "timeZone" }],
    ["a name with a header injection", { name: "Eve\r\nBcc: victim@example.com" }, { field: "name" }],
    ["a format the session type does not offer", { sessionType: "consultation", format: "in-person", startsAt: at("2027-03-01", "13:00").toISOString() }, { field: "format" }],
    ["a session type that does not exist", { sessionType: "couples" }, { form: /not offered/ }],
    ["a filled honeypot", { website: "https://spam.example" }, { form: /automated/ }],
    ["an unknown field", { status: "confirmed" }, { form: /fields it does not have/ }],
    ["a missing form key", { formKey: undefined }, { form: /expired/ }],
    ["a forged form key", { formKey: "1; drop table booking" }, { form: /expired/ }],
    ["a time off the grid", { startsAt: at(WEDNESDAY, "12:10").toISOString() }, { form: /just taken/, alternatives: true }],
    ["a time outside the hours", { startsAt: at(WEDNESDAY, "03:00").toISOString() }, { form: /just taken/, alternatives: true }],
    ["a time inside the minimum notice", { startsAt: at("2027-03-02", "09:00").toISOString() }, { form: /just taken/, alternatives: true }],
    ["a time beyond the horizon", { startsAt: at("2027-06-02", "12:00").toISOString() }, { form: /just taken/, alternatives: true }],
    ["a start at the end of what a date can hold", { startsAt: "9999-12-31T17:00:00.000Z" }, { field: "startsAt" }],
    ["a start before year one", { startsAt: "0000-01-01T00:00:00Z" }, { field: "startsAt" }],
    ["a NUL in what brings you", { whatBringsYou: "I can't sleep\u0000" }, { field: "whatBringsYou" }],
    ["a time in the past", { startsAt: at("2027-02-24", "12:00").toISOString() }, { form: /just taken/, alternatives: true }],
  ];

  it.each(cases)("refuses %s, keeps what was typed and writes nothing", async (_label, overrides, expected) => {
    const input = Object.fromEntries(Object.entries(intakeRequest(overrides)).filter(([, value]) => value !== undefined));
    const result = await book(input);
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    if (expected.field) expect(result.fieldErrors[expected.field as keyof typeof result.fieldErrors]?.[0]).toMatch(/\w/);
    if (expected.form) expect(result.formError).toMatch(expected.form);
    if (expected.alternatives) {
      expect(result.detail!.alternatives!.length).toBeGreaterThan(0);
      const free = await freeStarts(findSessionType(String(input.sessionType))!);
      for (const alternative of result.detail!.alternatives!) expect(free).toContain(alternative.startsAt);
      expect(result.detail!.alternatives![0]!.label).toMatch(/^\w+day, \w+ \d+, 2027 at \d+:\d\d\s?[AP]M$/);
    }
    expect(result.values.email).toBe(input.email);
    expect(result.values.name).toBe(String(input.name).slice(0, 10_000));
    expect(await rowCounts()).toEqual({ bookings: 0, emails: 0 });
  });

  it("explains kindly to someone outside the licensed states, points elsewhere, and makes no request", async () => {
    for (const location of ["NY", "outside-us"]) {
      const result = await book(intakeRequest({ location, whatBringsYou: "Keep this" }));
      expect(result.status).toBe("invalid");
      if (result.status !== "invalid") return;
      expect(result.detail?.outOfState?.locationName).toBe(location === "NY" ? "New York" : "outside the United States");
      expect(result.fieldErrors.location?.[0]).toMatch(/licensed to see clients only while they are in Oregon, Washington or California/);
      expect(result.values.whatBringsYou).toBe("Keep this");
    }
    expect(await rowCounts()).toEqual({ bookings: 0, emails: 0 });
  });

  it("limits requests per IP, and the refused one writes nothing", async () => {
    // Room for every email: the network's share of the unverified ceiling is another test's.
    process.env.UNVERIFIED_EMAILS_PER_HOUR = "1000";
    resetEnvForTests();
    const sameIp = "198.51.100.70";
    for (let i = 0; i < bookingForm.limits.perIp.max; i += 1) {
      const [startsAt] = await freeStarts();
      const held = await requestBooking(intakeRequest({ startsAt }), { ip: sameIp, now: NOW });
      expect(held.status).toBe("held");
      // Confirmed, so the network's limit on unconfirmed holds is not what stops the next.
      if (held.status === "held") expect(await confirmHold(manageToken(held.bookingId), NOW)).toBe("confirmed");
    }
    const before = await rowCounts();
    const refused = await requestBooking(intakeRequest({ startsAt: (await freeStarts())[0] }), { ip: sameIp, now: NOW });
    expect(refused.status === "invalid" && refused.formError).toMatch(/several of these/);
    expect(await rowCounts()).toEqual(before);
  });

  it("limits requests per address, whatever the letter case", async () => {
    for (let i = 0; i < bookingForm.limits.perAddress.max; i += 1) {
      const [startsAt] = await freeStarts();
      expect((await book(intakeRequest({ email: "repeat@example.com", startsAt }))).status).toBe("requested");
    }
    const refused = await book(intakeRequest({ email: "Repeat@Example.COM", startsAt: (await freeStarts())[0] }));
    expect(refused.status === "invalid" && refused.formError).toMatch(/several of these/);
    expect((await rowCounts()).bookings).toBe(bookingForm.limits.perAddress.max);
  });
});

describe("no double booking, by construction", () => {
  // Fifty transactions racing on PostgreSQL take seconds on a busy CI machine: the outcome is the test, not the time.
  it("50 concurrent requests for one time: exactly one holds it, 49 hear it was just taken, none throws", async () => {
    const startsAt = at(WEDNESDAY, "14:00").toISOString();
    const settled = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => book(intakeRequest({ startsAt, email: `racer${i}@example.com`, name: `Racer ${i}` }))),
    );
    expect(settled.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    const results = settled.map((outcome) => (outcome as PromiseFulfilledResult<Awaited<ReturnType<typeof book>>>).value);
    expect(results.filter((result) => result.status === "requested")).toHaveLength(1);
    const refused = results.filter((result) => result.status === "invalid");
    expect(refused).toHaveLength(49);
    for (const refusal of refused) {
      if (refusal.status !== "invalid") continue;
      expect(refusal.formError).toBe("That time was just taken by someone else.");
      // The winner holds 13:55–15:00, so 13:00 to 15:00 are gone too; the nearest left, earliest first.
      // Labels are in the visitor's zone: London is eight hours ahead of Portland in early March.
      expect(refusal.detail?.alternatives).toEqual(
        [
          [at(WEDNESDAY, "12:00"), "8:00"],
          [at(WEDNESDAY, "12:30"), "8:30"],
          [at(WEDNESDAY, "15:30"), "11:30"],
        ].map(([instant, clock]) => ({ startsAt: (instant as Date).toISOString(), label: `Wednesday, March 3, 2027 at ${clock} PM` })),
      );
    }
    const db = await getDb();
    const held = await db.select().from(bookings);
    expect(held).toHaveLength(1);
    expect(await rowCounts()).toEqual({ bookings: 1, emails: 3 });
  }, 120_000);

  it("refuses a 50-minute request overlapping a held 15-minute one, and allows back-to-back times", async () => {
    // A consultation at 12:45 holds 12:45–13:05.
    expect((await book(consultationRequest({ startsAt: at(WEDNESDAY, "12:45").toISOString() }))).status).toBe("requested");
    // An intake at 12:00 would hold 11:55–13:00: it overlaps.
    const overlapping = await book(intakeRequest({ startsAt: at(WEDNESDAY, "12:00").toISOString() }));
    expect(overlapping.status === "invalid" && overlapping.formError).toMatch(/just taken/);
    // An intake at 13:30 holds 13:25–14:30; a consultation at 14:30 holds 14:30–14:50: they touch and both stand.
    expect((await book(intakeRequest({ startsAt: at(WEDNESDAY, "13:30").toISOString() }))).status).toBe("requested");
    expect((await book(consultationRequest({ startsAt: at(WEDNESDAY, "14:30").toISOString() }))).status).toBe("requested");
    // A consultation at 13:00 (13:00–13:20) overlaps the first one's buffer, which runs to 13:05.
    expect((await book(consultationRequest({ startsAt: at(WEDNESDAY, "13:00").toISOString() }))).status).toBe("invalid");
    expect((await rowCounts()).bookings).toBe(3);
  });

  it("is the database that refuses overlapping active bookings (SQLSTATE 23P01), not the check before it", async () => {
    const db = await getDb();
    const row = (start: Date, overrides: Partial<typeof bookings.$inferInsert> = {}): typeof bookings.$inferInsert => ({
      sessionType: "intake",
      format: "telehealth",
      ...heldRange(intake, start),
      name: "Direct",
      email: "direct@example.com",
      location: "OR",
      heardAbout: "other",
      visitorTimeZone: "UTC",
      consentNoticeVersion: "2026-11-01",
      consentedAt: NOW,
      emergencyAcknowledgedAt: NOW,
      formKeyHash: randomUUID(),
      manageTokenHash: randomUUID(),
      ...overrides,
    });
    await db.insert(bookings).values(row(at(WEDNESDAY, "12:00")));
    const clash = await db
      .insert(bookings)
      .values(row(at(WEDNESDAY, "12:30"), { status: "confirmed" }))
      .then(() => null, (error: unknown) => error);
    expect(isExclusionViolation(clash)).toBe(true);
    // Closed bookings hold nothing…
    await db.insert(bookings).values(row(at(WEDNESDAY, "12:30"), { status: "cancelled" }));
    await db.insert(bookings).values(row(at(WEDNESDAY, "12:30"), { status: "expired" }));
    // …and touching ranges do not overlap: 11:55–13:00 then 13:00–14:05.
    await db.insert(bookings).values(row(at(WEDNESDAY, "13:05")));
    // A closed booking cannot come back to life on top of another.
    const revived = await db
      .update(bookings)
      .set({ status: "requested" })
      .where(eq(bookings.status, "cancelled"))
      .then(() => null, (error: unknown) => error);
    expect(isExclusionViolation(revived)).toBe(true);
    expect((await rowCounts()).bookings).toBe(4);
  });

  it("offers only what the constraint will accept: the first free time, taken again and again, always books", async () => {
    for (let i = 0; i < 6; i += 1) {
      const [first] = await freeStarts(consultation);
      expect((await book(consultationRequest({ startsAt: first }))).status).toBe("requested");
    }
    expect((await rowCounts()).bookings).toBe(6);
  });
});
