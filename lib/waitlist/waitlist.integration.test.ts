import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, emailCodes, outboxEmails, waitlistEntries, waitlistOffers, weeklyHours } from "@/db/schema";
import { ensureAvailabilitySeeded, findFreeSlots } from "@/lib/booking/availability";
import { cancelBookingAsTherapist } from "@/lib/booking/decisions";
import { manageToken } from "@/lib/booking/manage-link";
import { findSessionType } from "@/lib/booking/session-types";
import { renderEmail } from "@/lib/email/render";
import { personErasers } from "@/lib/privacy/erasers";
import { emailCodeOf } from "@/lib/security/email-code";
import { NOW, WEDNESDAY, at, intakeRequest, ip, requestConfirmedBooking, therapist } from "@/lib/testing/booking-fixtures";
import { DAY, HOUR, MINUTE } from "@/lib/time";
import { TOO_MANY_UNCONFIRMED, WAITLIST_DAYS, joinWaitlist } from "./join";
import { placeToken } from "./links";
import { acceptOffer, declineOffer, makeOffer, offerByToken, offerFreedTimes } from "./offers";
import { confirmPlace, confirmPlaceByCode, leaveWaitlist, placeByToken, stayOnWaitlist } from "./place";
import { purgeClosedPlaces, runWaitlistSweep } from "./sweep";

const intake = findSessionType("intake")!;
const NOON = at(WEDNESDAY, "12:00");
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** One intake time in the whole week: Wednesday 12:00–12:50 in Portland, so the tests know which time is free. */
async function onlyWednesdayNoon() {
  const db = await getDb();
  await ensureAvailabilitySeeded(db);
  await db.delete(weeklyHours);
  await db.insert(weeklyHours).values({ weekday: 3, startMinute: 12 * 60, endMinute: 12 * 60 + 50 });
}

function joinForm(overrides: Record<string, unknown> = {}) {
  const form: Record<string, unknown> = {
    formKey: randomUUID(),
    website: "",
    sessionType: "intake",
    timeZone: "America/Los_Angeles",
    location: "OR",
    format: "telehealth",
    wednesday: "yes",
    afternoon: "yes",
    earliest: "2027-03-01",
    // The first Wednesday only: the weekly hours repeat every week.
    latest: "2027-03-03",
    name: "Sam Reed",
    email: `sam.${randomUUID().slice(0, 8)}@example.com`,
    phone: "",
    consent: "yes",
    ...overrides,
  };
  // An unticked box is not posted at all.
  for (const [name, value] of Object.entries(form)) if (value === undefined) delete form[name];
  return form as Record<string, string>;
}

async function counts() {
  const db = await getDb();
  const [entries] = await db.select({ n: count() }).from(waitlistEntries);
  const [offers] = await db.select({ n: count() }).from(waitlistOffers);
  const [emails] = await db.select({ n: count() }).from(outboxEmails);
  const [held] = await db.select({ n: count() }).from(bookings);
  return { entries: entries!.n, offers: offers!.n, emails: emails!.n, bookings: held!.n };
}

/** Joins and proves the address by the emailed link, as most tests start. */
async function waiting(overrides: Record<string, unknown> = {}, now = NOW) {
  const form = joinForm(overrides);
  const joined = await joinWaitlist(form, { ip: ip(), now });
  if (joined.status !== "unconfirmed") throw new Error(`join refused: ${JSON.stringify(joined)}`);
  expect(await confirmPlace(placeToken(joined.entryId), now)).toBe("waiting");
  return { entryId: joined.entryId, email: form.email!, token: placeToken(joined.entryId) };
}

async function openOffers() {
  const db = await getDb();
  return db.select().from(waitlistOffers).where(eq(waitlistOffers.status, "open"));
}

async function emailsTo(address: string) {
  const db = await getDb();
  return db.select().from(outboxEmails).where(eq(outboxEmails.recipient, address));
}

/** The one time booked by a client, so that nothing fits anyone until she cancels. */
async function clientBooksNoon() {
  const result = await requestConfirmedBooking(intakeRequest({ startsAt: NOON.toISOString() }), { ip: ip(), now: NOW });
  if (result.status !== "requested") throw new Error("the client's booking was refused");
  return result.bookingId;
}

beforeEach(onlyWednesdayNoon);

describe("joining the waitlist", () => {
  it("stores an unconfirmed place and emails a code that carries nothing she typed; the code puts her in line", async () => {
    const form = joinForm({ name: "Zelda Unique-Name", phone: "503-555-0100" });
    const joined = await joinWaitlist(form, { ip: ip(), now: NOW });
    expect(joined.status).toBe("unconfirmed");
    if (joined.status !== "unconfirmed") return;
    const db = await getDb();
    const [entry] = await db.select().from(waitlistEntries);
    expect(entry).toMatchObject({ status: "unconfirmed", days: 1 << 3, parts: 2, earliest: "2027-03-01", latest: "2027-03-03" });
    const [email] = await emailsTo(form.email!);
    expect(email!.template).toBe("waitlist-code");
    const { text, html } = await renderEmail(email!.template, email!.props);
    expect(`${email!.subject} ${text} ${html} ${JSON.stringify(email!.props)}`).not.toMatch(/Zelda|Unique-Name|555-0100/);
    expect(text).toContain(`/book/waitlist/leave/${placeToken(joined.entryId)}`);
    // Opening her place's page (a GET) confirms nothing.
    expect((await placeByToken(placeToken(joined.entryId), NOW)).state).toBe("place");
    expect((await db.select().from(waitlistEntries))[0]!.status).toBe("unconfirmed");

    const [step] = await db.select().from(emailCodes);
    const wrong = await confirmPlaceByCode({ token: joined.stepToken, code: "000000" === emailCodeOf(step!.id, 1) ? "111111" : "000000", website: "" }, { ip: ip(), now: NOW });
    expect(wrong.status).toBe("invalid");
    const right = await confirmPlaceByCode({ token: joined.stepToken, code: emailCodeOf(step!.id, 1), website: "" }, { ip: ip(), now: NOW });
    expect(right).toEqual({ status: "waiting", placeToken: placeToken(joined.entryId) });
    const [placed] = await db.select().from(waitlistEntries);
    expect(placed).toMatchObject({ status: "waiting", network: null, expiresAt: later(WAITLIST_DAYS * DAY) });
    expect((await emailsTo(form.email!)).map((row) => row.template).sort()).toEqual(["waitlist-code", "waitlist-joined"]);
  });

  it.each([
    ["a state where she is not licensed", { location: "TX" }, "location"],
    ["no day of the week", { wednesday: undefined }, "monday"],
    ["no part of the day", { afternoon: undefined }, "morning"],
    ["a last day before the first", { earliest: "2027-03-10", latest: "2027-03-05" }, "latest"],
    ["a first day past her 60 days", { earliest: "2027-06-01", latest: "" }, "earliest"],
    ["a format the kind of appointment does not offer", { sessionType: "consultation", format: "in-person" }, "format"],
  ])("refuses %s beside the field, keeps what was typed and writes nothing", async (_case, overrides, field) => {
    const before = await counts();
    const form = joinForm(overrides);
    const result = await joinWaitlist(form, { ip: ip(), now: NOW });
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.fieldErrors[field as keyof typeof result.fieldErrors]?.length).toBeGreaterThan(0);
    expect(result.values?.email).toBe(form.email);
    expect(await counts()).toEqual(before);
  });

  it("refuses an unknown kind of appointment and a filled honeypot, writing nothing", async () => {
    const before = await counts();
    expect((await joinWaitlist(joinForm({ sessionType: "massage" }), { ip: ip(), now: NOW })).status).toBe("invalid");
    expect((await joinWaitlist(joinForm({ website: "http://spam" }), { ip: ip(), now: NOW })).status).toBe("invalid");
    expect(await counts()).toEqual(before);
  });

  it("lets one network hold two unproven places at once, like held times, and refuses a third", async () => {
    const network = ip();
    expect((await joinWaitlist(joinForm(), { ip: network, now: NOW })).status).toBe("unconfirmed");
    expect((await joinWaitlist(joinForm(), { ip: network, now: NOW })).status).toBe("unconfirmed");
    const before = await counts();
    const third = await joinWaitlist(joinForm(), { ip: network, now: NOW });
    expect(third).toMatchObject({ status: "invalid", formError: TOO_MANY_UNCONFIRMED });
    expect(await counts()).toEqual(before);
  });

  it("stores one place for the same form sent twice", async () => {
    const form = joinForm();
    const first = await joinWaitlist(form, { ip: ip(), now: NOW });
    const again = await joinWaitlist(form, { ip: ip(), now: NOW });
    expect(again).toEqual(first);
    expect((await counts()).entries).toBe(1);
  });
});

describe("offers, in order and one at a time", () => {
  it("gives a cancelled time to the first in line only; it is off /book while offered, and one press books it", async () => {
    const clientBooking = await clientBooksNoon();
    const first = await waiting();
    const second = await waiting();
    expect((await runWaitlistSweep(NOW)).offered).toBe(0);

    const cancelledAt = later(HOUR);
    expect((await cancelBookingAsTherapist(therapist, clientBooking, {}, { now: cancelledAt })).status).toBe("done");
    expect((await runWaitlistSweep(cancelledAt)).offered).toBe(1);
    const [offer] = await openOffers();
    expect(offer).toMatchObject({ entryId: first.entryId, startsAt: NOON, expiresAt: new Date(cancelledAt.getTime() + 2 * HOUR) });
    expect((await findFreeSlots(intake, { now: cancelledAt })).map((slot) => slot.startsAt)).not.toContainEqual(NOON);
    expect((await emailsTo(second.email)).map((row) => row.template)).not.toContain("waitlist-offer");

    const [email] = (await emailsTo(first.email)).filter((row) => row.template === "waitlist-offer");
    const { text } = await renderEmail(email!.template, email!.props);
    const token = manageToken(offer!.bookingId!);
    expect(text).toContain(`/book/waitlist/offer/${token}`);
    expect(text).toContain(`/book/waitlist/leave/${first.token}`);
    expect(text).not.toContain("Sam Reed");

    // A second sweep changes nothing: she holds it.
    expect((await runWaitlistSweep(later(90 * MINUTE))).offered).toBe(0);
    // Opening the link books nothing; the press does.
    expect((await offerByToken(token, later(90 * MINUTE))).state).toBe("open");
    expect(await acceptOffer(token, later(90 * MINUTE))).toBe("booked");
    const db = await getDb();
    const [booked] = await db.select().from(bookings).where(eq(bookings.id, offer!.bookingId!));
    expect(booked).toMatchObject({ status: "requested", holdExpiresAt: null });
    expect((await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, first.entryId)))[0]!.status).toBe("booked");
    expect(await acceptOffer(token, later(91 * MINUTE))).toBe("already");
    expect((await emailsTo(first.email)).map((row) => row.template)).toContain("booking-requested");
  });

  it("passes a declined time to the next in line, who was passed over until then", async () => {
    const clientBooking = await clientBooksNoon();
    const first = await waiting();
    const second = await waiting();
    await cancelBookingAsTherapist(therapist, clientBooking, {}, { now: later(HOUR) });
    await runWaitlistSweep(later(HOUR));
    const [offer] = await openOffers();
    expect(offer!.entryId).toBe(first.entryId);
    expect(await declineOffer(manageToken(offer!.bookingId!), later(70 * MINUTE))).toBe("declined");
    expect(await acceptOffer(manageToken(offer!.bookingId!), later(71 * MINUTE))).toBe("gone");
    expect((await runWaitlistSweep(later(75 * MINUTE))).offered).toBe(1);
    const [next] = await openOffers();
    expect(next!.entryId).toBe(second.entryId);
    // She declined that time; she keeps her place for the next one.
    const db = await getDb();
    expect((await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, first.entryId)))[0]!.status).toBe("waiting");
  });

  it("passes a lapsed offer on at the sweep after it ends; an offer never runs past the minimum notice, after which nobody is offered it", async () => {
    const clientBooking = await clientBooksNoon();
    const first = await waiting();
    const second = await waiting();
    await cancelBookingAsTherapist(therapist, clientBooking, {}, { now: later(HOUR) });
    await runWaitlistSweep(later(HOUR));
    const [offer] = await openOffers();
    expect(offer!.entryId).toBe(first.entryId);
    const ended = new Date(offer!.expiresAt.getTime() + MINUTE);
    const sweep = await runWaitlistSweep(ended);
    expect(sweep.lapsedOffers).toBe(1);
    expect(sweep.offered).toBe(1);
    const [next] = await openOffers();
    expect(next!.entryId).toBe(second.entryId);
    expect(await acceptOffer(manageToken(offer!.bookingId!), ended)).toBe("gone");
    // 48 hours' notice for an intake: her offer ends then, not two hours on.
    const lastMoment = new Date(NOON.getTime() - 48 * HOUR);
    expect(next!.expiresAt).toEqual(lastMoment);

    await waiting();
    const tooLate = new Date(lastMoment.getTime() + MINUTE);
    const after = await runWaitlistSweep(tooLate);
    expect(after).toMatchObject({ lapsedOffers: 1, offered: 0 });
    expect(await openOffers()).toEqual([]);
  });

  it("never ends an offer in the middle of her night: it runs on to 9:00 her time", async () => {
    await waiting({ timeZone: "America/New_York", earliest: "2027-03-10", latest: "2027-03-10" });
    // 20:30 in New York: two hours on would be 22:30.
    const evening = new Date("2027-03-02T01:30:00Z");
    await runWaitlistSweep(evening);
    const [offer] = await openOffers();
    expect(offer!.startsAt).toEqual(at("2027-03-10", "12:00"));
    expect(offer!.expiresAt).toEqual(new Date("2027-03-02T14:00:00Z"));
  });

  it("two offer makers at once for the same time make one offer; one person never holds two", async () => {
    const first = await waiting();
    const second = await waiting();
    const outcomes = await Promise.all([
      makeOffer({ entryId: first.entryId, startsAt: NOON, now: NOW }),
      makeOffer({ entryId: second.entryId, startsAt: NOON, now: NOW }),
    ]);
    expect(outcomes.sort()).toEqual(["offered", "taken"]);
    expect(await openOffers()).toHaveLength(1);
    const db = await getDb();
    const [heldTimes] = await db.select({ n: count() }).from(bookings).where(eq(bookings.startsAt, NOON));
    expect(heldTimes!.n).toBe(1);
    // The loser's transaction left nothing: one offer email in all.
    const [offerEmails] = await db.select({ n: count() }).from(outboxEmails).where(eq(outboxEmails.template, "waitlist-offer"));
    expect(offerEmails!.n).toBe(1);
  });

  it("one person offered two times at once holds one of them", async () => {
    const db = await getDb();
    await db.insert(weeklyHours).values({ weekday: 3, startMinute: 15 * 60, endMinute: 15 * 60 + 50 });
    const person = await waiting();
    const outcomes = await Promise.all([
      makeOffer({ entryId: person.entryId, startsAt: NOON, now: NOW }),
      makeOffer({ entryId: person.entryId, startsAt: at(WEDNESDAY, "15:00"), now: NOW }),
    ]);
    expect(outcomes.sort()).toEqual(["offered", "taken"]);
    expect(await openOffers()).toHaveLength(1);
    const [held] = await db.select({ n: count() }).from(bookings);
    expect(held!.n).toBe(1);
  });

  it("two sweeps at once, with several free times and several waiting, offer each time once and each person once", async () => {
    const db = await getDb();
    await db.delete(weeklyHours);
    // Wednesday 12:00–19:00: seven intake times on the half-hour grid that do not overlap? Overlapping starts are refused by the constraint.
    await db.insert(weeklyHours).values({ weekday: 3, startMinute: 12 * 60, endMinute: 19 * 60 });
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await waiting());
    const made = await Promise.all([offerFreedTimes(NOW), offerFreedTimes(NOW), offerFreedTimes(NOW)]);
    const open = await openOffers();
    expect(made.reduce((sum, n) => sum + n, 0)).toBe(open.length);
    expect(open.length).toBeGreaterThan(1);
    expect(new Set(open.map((offer) => offer.entryId)).size).toBe(open.length);
    expect(new Set(open.map((offer) => offer.startsAt.getTime())).size).toBe(open.length);
    // In line order: the first ones in line hold the offers.
    expect(open.map((offer) => offer.entryId).sort()).toEqual(people.slice(0, open.length).map((person) => person.entryId).sort());
  });

  it("passes over someone whose wishes do not fit, and someone paused", async () => {
    const clientBooking = await clientBooksNoon();
    const others = [await waiting({ wednesday: undefined, monday: "yes" }), await waiting({ afternoon: undefined, morning: "yes" })];
    const later = await waiting({ earliest: "2027-03-04", latest: "" });
    const paused = await waiting();
    const db = await getDb();
    await db.update(waitlistEntries).set({ status: "paused" }).where(eq(waitlistEntries.id, paused.entryId));
    const fits = await waiting();
    await cancelBookingAsTherapist(therapist, clientBooking, {}, { now: NOW });
    await runWaitlistSweep(NOW);
    const open = await openOffers();
    expect(open.find((offer) => offer.startsAt.getTime() === NOON.getTime())?.entryId).toBe(fits.entryId);
    // From 4 March on, a later Wednesday fits her: she is offered that one.
    expect(open.find((offer) => offer.entryId === later.entryId)?.startsAt).toEqual(at("2027-03-10", "12:00"));
    const offeredTo = open.map((offer) => offer.entryId);
    for (const person of [...others, paused]) expect(offeredTo).not.toContain(person.entryId);
  });
});

describe("her place over time", () => {
  it("leaving gives back an offer she holds, and her links then open nothing", async () => {
    const first = await waiting();
    await runWaitlistSweep(NOW);
    const [offer] = await openOffers();
    expect(offer!.entryId).toBe(first.entryId);
    expect(await leaveWaitlist(first.token, later(MINUTE))).toBe("left");
    expect(await openOffers()).toEqual([]);
    expect((await findFreeSlots(intake, { now: later(MINUTE) })).map((slot) => slot.startsAt)).toContainEqual(NOON);
    expect((await placeByToken(first.token, later(MINUTE))).state).toBe("gone");
    expect(await leaveWaitlist(first.token, later(MINUTE))).toBe("gone");
    expect(await leaveWaitlist("x".repeat(43), later(MINUTE))).toBe("gone");
  });

  it("a week before her 60 days she is asked once whether to stay; staying gives her 60 more, silence ends her place", async () => {
    const db = await getDb();
    await db.delete(weeklyHours);
    const stays = await waiting();
    const goes = await waiting();
    const weekBefore = later((WAITLIST_DAYS - 7) * DAY);
    expect((await runWaitlistSweep(weekBefore)).askedToStay).toBe(2);
    expect((await runWaitlistSweep(weekBefore)).askedToStay).toBe(0);
    const [ask] = (await emailsTo(stays.email)).filter((row) => row.template === "waitlist-stay");
    const { text } = await renderEmail(ask!.template, ask!.props);
    expect(text).toContain(`/book/waitlist/place/${stays.token}`);
    expect(text).toContain(`/book/waitlist/leave/${stays.token}`);
    expect(await stayOnWaitlist(stays.token, weekBefore)).toBe("stayed");
    const end = later(WAITLIST_DAYS * DAY + MINUTE);
    expect((await runWaitlistSweep(end)).closed).toBe(1);
    const rows = await db.select().from(waitlistEntries);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({ [stays.entryId]: "waiting", [goes.entryId]: "expired" });
  });

  it("retention deletes closed places with their offers; erasure deletes hers", async () => {
    const left = await waiting();
    await runWaitlistSweep(NOW);
    await leaveWaitlist(left.token, NOW);
    const kept = await waiting();
    const db = await getDb();
    expect(await purgeClosedPlaces(later(DAY))).toBe(0);
    expect(await purgeClosedPlaces(later(400 * DAY))).toBe(1);
    const [offersLeft] = await db.select({ n: count() }).from(waitlistOffers).where(eq(waitlistOffers.entryId, left.entryId));
    expect(offersLeft!.n).toBe(0);
    const eraser = personErasers.find((one) => one.name === "waitlistEntries")!;
    await db.transaction(async (tx) => {
      expect(await eraser.erase(tx, kept.email.toLowerCase())).toBe(1);
    });
    expect(await db.select().from(waitlistEntries).where(and(eq(waitlistEntries.id, kept.entryId)))).toEqual([]);
  });
});
