import { randomUUID } from "node:crypto";
import { count, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, bookings, contactMessages, outboxEmails, subscribers } from "@/db/schema";
import { requestBooking } from "@/lib/booking/request-booking";
import { sendContactMessage } from "@/lib/contact/send-message";
import { subscribe } from "@/lib/newsletter/subscribe";
import { resetEnvForTests } from "@/lib/env";
import { practice } from "@/lib/practice/practice";
import { findFreeSlots } from "@/lib/booking/availability";
import { findSessionType } from "@/lib/booking/session-types";
import { NOW, WEDNESDAY, at, intakeRequest, ip } from "@/lib/testing/booking-fixtures";
import { restoreEnvAfterEach } from "@/lib/testing/env";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { outboxNeedingAttention } from "@/lib/admin/outbox";

const contact = (email: string) => ({ formKey: randomUUID(), website: "", name: "Robin", email, phone: "", preferredContact: "email", message: "Hello", consent: "yes" });

async function counted() {
  const db = await getDb();
  const n = async (table: typeof contactMessages | typeof bookings | typeof subscribers) => (await db.select({ n: count() }).from(table))[0]!.n;
  const toVisitors = (await db.select({ template: outboxEmails.template, to: outboxEmails.recipient }).from(outboxEmails)).filter((row) => row.to !== practice.notificationEmail);
  return { messages: await n(contactMessages), bookings: await n(bookings), subscribers: await n(subscribers), toVisitors: toVisitors.length };
}

describe("the practice-wide ceiling on emails to unconfirmed addresses", () => {
  restoreEnvAfterEach("UNVERIFIED_EMAILS_PER_HOUR");

  it("past the hour's ceiling every form still stores what was sent but emails nobody, and the therapist is told", async () => {
    process.env.UNVERIFIED_EMAILS_PER_HOUR = "2";
    resetEnvForTests();
    const now = NOW;
    // Three different people (different mailboxes): per-address limits do not stop this; only the ceiling does.
    for (const who of ["a", "b"]) expect(await sendContactMessage(contact(`${who}.${randomUUID().slice(0, 6)}@example.com`), { ip: ip(), now })).toEqual({ status: "success" });
    expect(await counted()).toEqual({ messages: 2, bookings: 0, subscribers: 0, toVisitors: 2 });

    // Each answer says the email was held back, so no page sends her to an empty inbox.
    expect(await sendContactMessage(contact(`c.${randomUUID().slice(0, 6)}@example.com`), { ip: ip(), now })).toEqual({ status: "success", emailHeldBack: true });
    expect((await requestBooking(intakeRequest({ startsAt: at(WEDNESDAY, "12:00").toISOString() }), { ip: ip(), now })).status).toBe("held-back");
    expect(await subscribe({ formKey: randomUUID(), website: "", email: `d.${randomUUID().slice(0, 6)}@example.com`, consent: "yes", source: "freebies" }, { ip: ip(), now })).toEqual({
      status: "success",
      emailHeldBack: true,
    });
    expect(await counted()).toEqual({ messages: 3, bookings: 1, subscribers: 1, toVisitors: 2 });
    // The therapist still hears of every message: the first at once, the next two in the summary that closes her ten minutes.
    const db = await getDb();
    expect((await db.select().from(outboxEmails).where(eq(outboxEmails.template, "contact-notification"))).length).toBe(1);
    expect((await db.select().from(outboxEmails).where(eq(outboxEmails.template, "therapist-summary"))).map((email) => email.props)).toMatchObject([{ news: "2 new messages" }]);
    // And the one held back is marked so in her messages room.
    expect((await db.select().from(contactMessages).where(isNotNull(contactMessages.emailHeldBackAt))).length).toBe(1);
    // What was held back names a kind of email, never an address.
    const held = await db.select().from(auditEvents).where(eq(auditEvents.action, "hold-back-email"));
    expect(held.map((event) => event.detail?.template).sort()).toEqual(["booking-hold", "contact-acknowledgement", "newsletter-confirmation"]);
    expect(JSON.stringify(held)).not.toContain("@example.com");

    await signInAs(THERAPIST);
    expect(await outboxNeedingAttention(new Date(now.getTime() + 60_000))).toMatchObject({ heldBack: { count: 3, latest: now }, ceilingPerHour: 2 });
    // A day later the notice is gone, and the next hour sends again.
    expect((await outboxNeedingAttention(new Date(now.getTime() + 25 * 3_600_000))).heldBack.count).toBe(0);
    const nextHour = new Date(now.getTime() + 61 * 60_000);
    await sendContactMessage(contact(`e.${randomUUID().slice(0, 6)}@example.com`), { ip: ip(), now: nextHour });
    expect((await counted()).toVisitors).toBe(3);
  });

  it("lets no one network spend the hour's ceiling: after 30 posts from one IPv4 address, a visitor elsewhere still gets her email", async () => {
    const now = NOW;
    const script = { ip: "203.0.113.9", now };
    const unique = (who: string) => `${who}.${randomUUID().slice(0, 8)}@example.com`;
    // Each form's own per-IP limit is 10 an hour: together, 30 emails to unconfirmed addresses, the default ceiling.
    const answers: unknown[] = [];
    for (let i = 0; i < 10; i += 1) answers.push(await sendContactMessage(contact(unique("c")), script));
    for (let i = 0; i < 10; i += 1) answers.push(await subscribe({ formKey: randomUUID(), website: "", email: unique("n"), consent: "yes", source: "newsletter" }, script));
    // Three acknowledgements went; every other answer says its email was held back.
    expect(answers).toEqual([...Array(3).fill({ status: "success" }), ...Array(17).fill({ status: "success", emailHeldBack: true })]);
    const intake = findSessionType("intake")!;
    // Past its share, each booking's email is held back; and one network holds two times at most.
    for (let i = 0; i < 10; i += 1) {
      const [slot] = await findFreeSlots(intake, { now });
      expect((await requestBooking(intakeRequest({ startsAt: slot!.startsAt.toISOString(), email: unique("b") }), script)).status).toBe(i < 2 ? "held-back" : "invalid");
    }
    expect(await counted()).toMatchObject({ messages: 10, subscribers: 10, bookings: 2 });
    // The script's network got its share (a tenth of the ceiling), not the ceiling.
    expect((await counted()).toVisitors).toBe(3);

    const visitor = unique("visitor");
    expect(await sendContactMessage(contact(visitor), { ip: "192.0.2.44", now: new Date(now.getTime() + 60_000) })).toEqual({ status: "success" });
    const db = await getDb();
    expect(await db.select({ template: outboxEmails.template }).from(outboxEmails).where(eq(outboxEmails.recipient, visitor))).toEqual([{ template: "contact-acknowledgement" }]);

    // The script's neighbours on its /24 share the group's larger share (a fifth, 6), of which the script took 3.
    for (let host = 10; host < 16; host += 1) await sendContactMessage(contact(unique("n")), { ip: `203.0.113.${host}`, now });
    expect((await counted()).toVisitors).toBe(3 + 1 + 3);
  });
});
