import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, outboxEmails } from "@/db/schema";
import { renderEmail } from "@/lib/email/render";
import { NOW, consultationRequest, intakeRequest, ip, requestConfirmedBooking, rowCounts, therapist } from "@/lib/testing/booking-fixtures";
import { findFreeSlots } from "./availability";
import { cancelBookingAsTherapist } from "./decisions";
import { DOMAIN_OPEN_BOOKINGS, registeredDomain } from "./mailbox-providers";
import { requestBooking } from "./request-booking";
import { getBookingRequest } from "./requests";
import { findSessionType } from "./session-types";

const book = (input: Record<string, unknown>) => requestConfirmedBooking(input, { ip: ip(), now: NOW });

async function stored(bookingId: string) {
  const db = await getDb();
  const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
  return row!;
}

describe("how she would like to pay", () => {
  it("keeps insurance with the plan's name, and the therapist reads it on the request", async () => {
    const result = await book(intakeRequest({ payment: "insurance", insurancePlan: "Regence BlueCross BlueShield of Oregon" }));
    expect(result.status).toBe("requested");
    if (result.status !== "requested") return;
    expect(await stored(result.bookingId)).toMatchObject({ payment: "insurance", insurancePlan: "Regence BlueCross BlueShield of Oregon" });
    expect(await getBookingRequest(therapist, result.bookingId)).toMatchObject({ payment: "insurance", insurancePlan: "Regence BlueCross BlueShield of Oregon" });
  });

  it.each([
    ["left blank", { payment: "" }, null],
    ["not asked at all (an older form)", {}, null],
    ["self-pay", { payment: "self-pay" }, "self-pay"],
    ["the sliding scale", { payment: "sliding-scale" }, "sliding-scale"],
  ] as [string, { payment?: string }, string | null][])("keeps %s, with no plan", async (_label, overrides, payment) => {
    const result = await book(intakeRequest({ ...overrides, insurancePlan: overrides.payment ? "Typed, then changed her mind" : "" }));
    if (result.status !== "requested") throw new Error(`refused: ${JSON.stringify(result)}`);
    expect(await stored(result.bookingId)).toMatchObject({ payment, insurancePlan: null });
  });

  it.each([
    ["insurance without the plan's name", { payment: "insurance", insurancePlan: "  " }, "insurancePlan", /name of your insurance plan/],
    ["a way to pay that is not offered", { payment: "crypto" }, "payment", /ways to pay/],
    ["a plan's name of 101 characters", { payment: "insurance", insurancePlan: "p".repeat(101) }, "insurancePlan", /under 100 characters/],
    ["a plan's name over two lines", { payment: "insurance", insurancePlan: "Plan\r\nBcc: x@example.com" }, "insurancePlan", /one line/],
  ])("refuses %s beside the field, keeps what was typed and writes nothing", async (_label, overrides, field, message) => {
    const result = await book(intakeRequest({ whatBringsYou: "Keep this", ...overrides }));
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.fieldErrors[field as keyof typeof result.fieldErrors]?.[0]).toMatch(message);
    expect(result.values.whatBringsYou).toBe("Keep this");
    expect(result.values.payment).toBe(overrides.payment);
    expect(await rowCounts()).toEqual({ bookings: 0, emails: 0 });
  });

  it("says what the session costs in the booking emails", async () => {
    const result = await book(intakeRequest());
    if (result.status !== "requested") throw new Error("refused");
    const db = await getDb();
    const emails = await db.select().from(outboxEmails).where(eq(outboxEmails.recipient, (await stored(result.bookingId)).email));
    expect(emails.map((email) => email.template).sort()).toEqual(["booking-hold", "booking-requested"]);
    for (const email of emails) {
      const { html, text } = await renderEmail(email.template, email.props);
      expect(text).toContain("Fee: $190");
      expect(html).toContain("Fee: $190");
    }
  });
});

describe("open bookings per email domain", () => {
  const consultation = findSessionType("consultation")!;
  const nextConsultation = async () => (await findFreeSlots(consultation, { now: NOW }))[0]!.startsAt.toISOString();
  const consult = async (email: string) => {
    const result = await book(consultationRequest({ email, startsAt: await nextConsultation() }));
    if (result.status !== "requested") throw new Error(`refused: ${JSON.stringify(result)}`);
    return stored(result.bookingId);
  };

  it(`confirms ${DOMAIN_OPEN_BOOKINGS} consultations from one domain on their own; past them, one waits for the therapist as a request`, async () => {
    for (let i = 0; i < DOMAIN_OPEN_BOOKINGS; i += 1) {
      expect(await consult(`person${i}@catch-all.example`)).toMatchObject({ status: "confirmed", therapistApproves: false });
    }
    const db = await getDb();
    await db.delete(outboxEmails);
    // A subdomain of the same catch-all counts with it, and the letter case changes nothing.
    const third = await consult("someone.else@Mail.Catch-All.example");
    expect(third).toMatchObject({ status: "requested", therapistApproves: true, confirmedAt: null });
    expect(third.expiresAt).not.toBeNull();
    const emails = await db.select().from(outboxEmails);
    // The therapist heard of the two confirmed ones a moment ago, so this request joins her ten-minute summary.
    expect(emails.map((email) => [email.template, email.props.kind ?? null]).sort()).toEqual([
      ["booking-hold", null],
      ["booking-requested", null],
      ["therapist-summary", "appointments"],
    ]);
    expect(emails.find((email) => email.template === "therapist-summary")!.props.news).toMatch(/appointment request/);
    expect(await getBookingRequest(therapist, third.id)).toMatchObject({ therapistApproves: true, status: "requested" });
    // Another domain is not touched by this one's bookings.
    expect(await consult("visitor@other-practice.example")).toMatchObject({ status: "confirmed" });
  });

  it("counts only open bookings: a cancelled one and a lapsed hold free the domain's place", async () => {
    const first = await consult("a@small-firm.example");
    await cancelBookingAsTherapist(therapist, first.id, {}, { now: NOW });
    // Held, never confirmed, and lapsed by the time the next one asks.
    const lapsed = await requestBooking(consultationRequest({ email: "b@small-firm.example", startsAt: await nextConsultation() }), { ip: ip(), now: new Date(NOW.getTime() - 3_600_000) });
    expect(lapsed.status).toBe("held");
    expect(await consult("c@small-firm.example")).toMatchObject({ status: "confirmed" });
    expect(await consult("d@small-firm.example")).toMatchObject({ status: "confirmed" });
    expect(await consult("e@small-firm.example")).toMatchObject({ status: "requested", therapistApproves: true });
  });

  it("never holds back the large mailbox providers: each address there is someone else", async () => {
    for (let i = 0; i <= DOMAIN_OPEN_BOOKINGS + 1; i += 1) {
      expect(await consult(`visitor${i}@gmail.com`)).toMatchObject({ status: "confirmed", therapistApproves: false });
    }
  });

  it("leaves intake requests as they were: the therapist answers each anyway", async () => {
    for (let i = 0; i <= DOMAIN_OPEN_BOOKINGS; i += 1) {
      const startsAt = (await findFreeSlots(findSessionType("intake")!, { now: NOW }))[0]!.startsAt.toISOString();
      const result = await book(intakeRequest({ email: `p${i}@catch-all.example`, startsAt }));
      if (result.status !== "requested") throw new Error("refused");
      expect(await stored(result.bookingId)).toMatchObject({ status: "requested", therapistApproves: false });
    }
  });
});

describe("registeredDomain", () => {
  it.each([
    ["example.com", "example.com"],
    ["mail.example.com", "example.com"],
    ["a.b.example.com", "example.com"],
    ["example.co.uk", "example.co.uk"],
    ["mail.example.co.uk", "example.co.uk"],
    ["Mail.Example.ORG", "example.org"],
  ])("counts %s under %s", (domain, registered) => {
    expect(registeredDomain(domain)).toBe(registered);
  });
});
