import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, emailCodes, outboxEmails, rateLimits } from "@/db/schema";
import { renderEmail } from "@/lib/email/render";
import { resetEnvForTests } from "@/lib/env";
import { practice } from "@/lib/practice/practice";
import { EMAIL_CODE_TRIES } from "@/lib/security/email-code";
import { NOW, WEDNESDAY, at, intakeRequest, ip, rowCounts, therapist } from "@/lib/testing/booking-fixtures";
import { restoreEnvAfterEach } from "@/lib/testing/env";
import { HOLDS_PER_NETWORK, HOLD_MINUTES, confirmHold, holdByCodeStep } from "./hold";
import { runBookingSweep } from "./booking-sweep";
import { confirmHoldByCode, newHoldCode } from "./hold-code";
import { manageToken } from "./manage-link";
import { TOO_MANY_HOLDS, requestBooking } from "./request-booking";
import { getBookingRequest, listBookingRequests } from "./requests";

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function hold(input = intakeRequest(), context = { ip: ip(), now: NOW }) {
  const result = await requestBooking(input, context);
  if (result.status !== "held") throw new Error(`not held: ${JSON.stringify(result)}`);
  return { ...result, input };
}

/** The code in the newest hold email to `to`, as the visitor reads it. */
async function codeSentTo(to: string): Promise<string> {
  const db = await getDb();
  const sent = await db.select().from(outboxEmails).where(eq(outboxEmails.recipient, to)).orderBy(outboxEmails.createdAt);
  const last = sent.filter((email) => email.template === "booking-hold").at(-1)!;
  const { text } = await renderEmail(last.template, last.props);
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no code in: ${text}`);
  // The outbox stores which code, never the code.
  expect(JSON.stringify(last.props)).not.toContain(code);
  return code;
}

async function templates() {
  const db = await getDb();
  return (await db.select().from(outboxEmails).orderBy(outboxEmails.template)).map((email) => [email.template, email.recipient]);
}

const wrongFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("the code step after Request this time", () => {
  restoreEnvAfterEach("UNVERIFIED_EMAILS_PER_HOUR");
  it("repeats the time held and until when, and the right code sends the request on as the link does", async () => {
    const { input, stepToken, bookingId } = await hold();
    const page = await holdByCodeStep(stepToken, minutes(1));
    expect(page).toMatchObject({ state: "held", time: { sessionName: "Intake session", holdMinutes: HOLD_MINUTES - 1, heldUntil: expect.stringMatching(/\d/) } });
    const code = await codeSentTo(input.email);

    const result = await confirmHoldByCode({ token: stepToken, code }, { ip: ip(), now: minutes(2) });
    expect(result).toEqual({ status: "confirmed", manageToken: manageToken(bookingId) });
    expect(await templates()).toEqual([
      ["booking-hold", input.email],
      ["booking-notification", practice.notificationEmail],
      ["booking-requested", input.email],
    ]);
    expect((await listBookingRequests(therapist, {}, { now: minutes(2) })).items.map((item) => item.id)).toEqual([bookingId]);
    // The step is spent: the code opens nothing twice, nor does the page.
    expect(await confirmHoldByCode({ token: stepToken, code }, { ip: ip(), now: minutes(3) })).toMatchObject({ status: "invalid" });
    expect((await holdByCodeStep(stepToken, minutes(3))).state).toBe("gone");
    // And the link, pressed later, finds it already confirmed: no second set of emails.
    expect(await confirmHold(manageToken(bookingId), minutes(3))).toBe("already");
    expect((await templates()).length).toBe(3);
  });

  it("a code typed with a space, as read aloud, is the same code", async () => {
    const { input, stepToken } = await hold();
    const code = await codeSentTo(input.email);
    expect(await confirmHoldByCode({ token: stepToken, code: `${code.slice(0, 3)} ${code.slice(3)}` }, { ip: ip(), now: minutes(1) })).toMatchObject({
      status: "confirmed",
    });
  });

  it("a wrong code says so beside the field, keeps what was typed, and counts one of five tries", async () => {
    const { input, stepToken } = await hold();
    const code = await codeSentTo(input.email);
    const before = await rowCounts();
    const wrong = await confirmHoldByCode({ token: stepToken, code: wrongFor(code) }, { ip: ip(), now: minutes(1) });
    expect(wrong).toMatchObject({ status: "invalid", values: { code: wrongFor(code) }, fieldErrors: { code: [expect.stringMatching(/4 tries left/)] } });
    expect(await rowCounts()).toEqual(before);
    expect((await listBookingRequests(therapist, {}, { now: minutes(1) })).items).toEqual([]);
    // Not six digits: refused before any try is counted.
    expect(await confirmHoldByCode({ token: stepToken, code: "12a" }, { ip: ip(), now: minutes(1) })).toMatchObject({
      fieldErrors: { code: ["Please type the 6 digits from the email."] },
    });
    const page = await holdByCodeStep(stepToken, minutes(1));
    expect(page.state === "held" && page.step.triesLeft).toBe(EMAIL_CODE_TRIES - 1);
  });

  it("after five wrong tries even the right code is refused until she asks for a new one, which works", async () => {
    const { input, stepToken } = await hold();
    const code = await codeSentTo(input.email);
    for (let i = 0; i < EMAIL_CODE_TRIES; i += 1) {
      expect(await confirmHoldByCode({ token: stepToken, code: wrongFor(code) }, { ip: ip(), now: minutes(1) })).toMatchObject({ status: "invalid" });
    }
    const spent = await confirmHoldByCode({ token: stepToken, code }, { ip: ip(), now: minutes(1) });
    expect(spent).toMatchObject({ status: "invalid", formError: expect.stringMatching(/new code/) });

    expect(await newHoldCode({ token: stepToken }, { ip: ip(), now: minutes(2) })).toEqual({ status: "success", answer: "sent" });
    const fresh = await codeSentTo(input.email);
    expect(await confirmHoldByCode({ token: stepToken, code: fresh }, { ip: ip(), now: minutes(3) })).toMatchObject({ status: "confirmed" });
  });

  it("a code lasts as long as the hold; past it the hold is gone and the code opens nothing", async () => {
    const { input, stepToken, bookingId } = await hold();
    const code = await codeSentTo(input.email);
    const late = await confirmHoldByCode({ token: stepToken, code }, { ip: ip(), now: minutes(HOLD_MINUTES) });
    expect(late).toMatchObject({ status: "invalid", formError: expect.stringMatching(/expired/) });
    const db = await getDb();
    const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row!.holdExpiresAt).toEqual(minutes(HOLD_MINUTES));
    expect((await listBookingRequests(therapist, {}, { now: minutes(HOLD_MINUTES) })).items).toEqual([]);
    // The sweep that releases the hold closes its step: no code row outlives its use.
    expect((await runBookingSweep(minutes(HOLD_MINUTES))).released).toBe(1);
    expect(await db.select().from(emailCodes)).toEqual([]);
  });

  it("tries are limited per client network: 20 an hour, whatever the step", async () => {
    // Room for every email: one network's share of the unverified ceiling is another test's.
    process.env.UNVERIFIED_EMAILS_PER_HOUR = "1000";
    resetEnvForTests();
    const script = "203.0.113.77";
    const a = await hold(intakeRequest(), { ip: script, now: NOW });
    const b = await hold(intakeRequest({ startsAt: at(WEDNESDAY, "14:00").toISOString() }), { ip: script, now: NOW });
    const wrongTries = async (step: { stepToken: string }, n: number) => {
      for (let i = 0; i < n; i += 1) await confirmHoldByCode({ token: step.stepToken, code: "000000" }, { ip: script, now: minutes(1) });
    };
    await wrongTries(a, 5);
    await wrongTries(b, 5);
    expect(await newHoldCode({ token: a.stepToken }, { ip: script, now: minutes(1) })).toMatchObject({ answer: "sent" });
    await wrongTries(a, 4);
    expect(await newHoldCode({ token: a.stepToken }, { ip: script, now: minutes(1) })).toMatchObject({ answer: "sent" });
    await wrongTries(a, 4);
    await wrongTries(b, 2);
    // Twenty tries from this network: the right code, with a try left on its step, is refused here...
    const fresh = await codeSentTo(a.input.email);
    expect(fresh).not.toBe("000000");
    const refused = await confirmHoldByCode({ token: a.stepToken, code: fresh }, { ip: script, now: minutes(2) });
    expect(refused).toMatchObject({ status: "invalid", formError: expect.stringMatching(/several of these|Too many codes/) });
    // ...and works from another network: the limit is the script's, not the step's.
    expect(await confirmHoldByCode({ token: a.stepToken, code: fresh }, { ip: "192.0.2.10", now: minutes(2) })).toMatchObject({ status: "confirmed" });
  });

  it("stores the code and the step's address only as keyed hashes", async () => {
    const { input, stepToken } = await hold();
    const code = await codeSentTo(input.email);
    const db = await getDb();
    const [row] = await db.select().from(emailCodes);
    expect(JSON.stringify(row)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain(stepToken);
    // Nor does the outbox hold either.
    expect(JSON.stringify(await db.select().from(outboxEmails))).not.toContain(stepToken);
  });

  it("a forged step token or one of the wrong shape opens nothing and writes nothing but its count", async () => {
    await hold();
    const before = await rowCounts();
    const forged = "A".repeat(43);
    expect(await confirmHoldByCode({ token: forged, code: "123456" }, { ip: ip(), now: minutes(1) })).toMatchObject({ status: "invalid" });
    expect(await confirmHoldByCode({ token: "short", code: "123456" }, { ip: ip(), now: minutes(1) })).toMatchObject({ status: "invalid" });
    expect((await holdByCodeStep(forged, minutes(1))).state).toBe("gone");
    expect(await rowCounts()).toEqual(before);
  });

  it("new codes are limited: two after the first, then she is told to start again", async () => {
    const { stepToken } = await hold();
    expect(await newHoldCode({ token: stepToken }, { ip: ip(), now: minutes(1) })).toEqual({ status: "success", answer: "sent" });
    expect(await newHoldCode({ token: stepToken }, { ip: ip(), now: minutes(2) })).toEqual({ status: "success", answer: "sent" });
    const before = await rowCounts();
    expect(await newHoldCode({ token: stepToken }, { ip: ip(), now: minutes(3) })).toEqual({ status: "success", answer: "limit" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("holds per client network", () => {
  restoreEnvAfterEach("UNVERIFIED_EMAILS_PER_HOUR");
  // Room for every email: one network's share of the unverified ceiling is another test's.
  beforeEach(() => {
    process.env.UNVERIFIED_EMAILS_PER_HOUR = "1000";
    resetEnvForTests();
  });
  it(`holds at most ${HOLDS_PER_NETWORK} unconfirmed times at once; the third is refused with what was typed, writing nothing`, async () => {
    const network = "2001:db8:5:6::1";
    await hold(intakeRequest({ startsAt: at(WEDNESDAY, "12:00").toISOString() }), { ip: network, now: NOW });
    // Another address of the same /64 is the same client.
    await hold(intakeRequest({ startsAt: at(WEDNESDAY, "14:00").toISOString() }), { ip: "2001:db8:5:6:ffff::9", now: NOW });
    const before = await rowCounts();
    const db = await getDb();
    const [codesBefore] = await db.select({ n: count() }).from(emailCodes);
    const third = intakeRequest({ startsAt: at(WEDNESDAY, "16:00").toISOString(), name: "Third Try" });
    const refused = await requestBooking(third, { ip: "2001:db8:5:6:abcd::2", now: minutes(1) });
    expect(refused).toMatchObject({ status: "invalid", formError: TOO_MANY_HOLDS, values: { name: "Third Try", email: third.email } });
    expect(await rowCounts()).toEqual(before);
    expect((await db.select({ n: count() }).from(emailCodes))[0]).toEqual(codesBefore);

    // Another network is not held back by it.
    expect((await requestBooking(intakeRequest({ startsAt: at(WEDNESDAY, "16:00").toISOString() }), { ip: "2001:db8:5:7::1", now: minutes(1) })).status).toBe("held");
  });

  it("a confirmed hold or a lapsed one no longer counts", async () => {
    const network = "198.51.100.201";
    const first = await hold(intakeRequest({ startsAt: at(WEDNESDAY, "12:00").toISOString() }), { ip: network, now: NOW });
    await hold(intakeRequest({ startsAt: at(WEDNESDAY, "14:00").toISOString() }), { ip: network, now: NOW });
    const code = await codeSentTo(first.input.email);
    expect(await confirmHoldByCode({ token: first.stepToken, code }, { ip: network, now: minutes(1) })).toMatchObject({ status: "confirmed" });
    await hold(intakeRequest({ startsAt: at(WEDNESDAY, "16:00").toISOString() }), { ip: network, now: minutes(2) });
    expect((await requestBooking(intakeRequest({ startsAt: at("2027-03-04", "13:00").toISOString() }), { ip: network, now: minutes(2) })).status).toBe("invalid");
    // Ten minutes after the second, it has lapsed and frees a place.
    await hold(intakeRequest({ startsAt: at("2027-03-04", "13:00").toISOString() }), { ip: network, now: minutes(HOLD_MINUTES) });
  });

  it("keeps no client address: the network is stored keyed, and forgotten once confirmed", async () => {
    const network = "198.51.100.202";
    const { input, stepToken, bookingId } = await hold(intakeRequest(), { ip: network, now: NOW });
    const db = await getDb();
    const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row!.holdNetwork).toEqual(expect.any(String));
    expect(row!.holdNetwork).not.toContain("198.51");
    await confirmHoldByCode({ token: stepToken, code: await codeSentTo(input.email) }, { ip: network, now: minutes(1) });
    const [after] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(after!.holdNetwork).toBeNull();
  });
});

describe("when the email to her unconfirmed address is held back", () => {
  restoreEnvAfterEach("UNVERIFIED_EMAILS_PER_HOUR");

  it("says so rather than 'we sent a code', issues no code, and the therapist sees the request marked", async () => {
    process.env.UNVERIFIED_EMAILS_PER_HOUR = "0";
    resetEnvForTests();
    const input = intakeRequest();
    const result = await requestBooking(input, { ip: ip(), now: NOW });
    expect(result).toEqual({ status: "held-back", bookingId: expect.any(String) });
    const bookingId = (result as { bookingId: string }).bookingId;
    const db = await getDb();
    expect(await db.select().from(outboxEmails)).toEqual([]);
    expect(await db.select().from(emailCodes)).toEqual([]);
    const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row!.emailHeldBackAt).toEqual(NOW);

    const listed = (await listBookingRequests(therapist, {}, { now: minutes(1) })).items;
    expect(listed).toMatchObject([{ id: bookingId, emailHeldBack: true }]);
    expect(await getBookingRequest(therapist, bookingId)).toMatchObject({ email: input.email, emailHeldBack: true });
    // Still marked once the hold lapses: she still needs to reach the visitor.
    expect((await listBookingRequests(therapist, {}, { now: minutes(HOLD_MINUTES + 1) })).items).toMatchObject([{ id: bookingId, emailHeldBack: true }]);

    // The same form sent again gets the same answer, not a code page.
    expect(await requestBooking(input, { ip: ip(), now: NOW })).toEqual({ status: "held-back", bookingId });
  });

  it("a new code held back marks the request too", async () => {
    const { stepToken, bookingId } = await hold();
    process.env.UNVERIFIED_EMAILS_PER_HOUR = "0";
    resetEnvForTests();
    expect(await newHoldCode({ token: stepToken }, { ip: ip(), now: minutes(1) })).toEqual({ status: "success", answer: "held-back" });
    expect((await listBookingRequests(therapist, {}, { now: minutes(1) })).items).toMatchObject([{ id: bookingId, emailHeldBack: true }]);
  });

  it("an ordinary confirmed request carries no mark", async () => {
    const { input, stepToken, bookingId } = await hold();
    await confirmHoldByCode({ token: stepToken, code: await codeSentTo(input.email) }, { ip: ip(), now: minutes(1) });
    expect((await listBookingRequests(therapist, {}, { now: minutes(1) })).items).toMatchObject([{ id: bookingId, emailHeldBack: false }]);
    const db = await getDb();
    expect((await db.select({ n: count() }).from(rateLimits))[0]!.n).toBeGreaterThan(0);
  });
});
