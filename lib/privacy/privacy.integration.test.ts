import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, contactMessages, outboxEmails, subscribers } from "@/db/schema";
import { expectEveryCallRefused, intruders } from "@/lib/testing/private-area";
import { databaseSnapshot, rowsContaining } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { storedMessage } from "@/lib/testing/fixtures";
import { NOW, intakeRequest, ip, requestConfirmedBooking } from "@/lib/testing/booking-fixtures";
import { sendContactMessage } from "@/lib/contact/send-message";
import { practice } from "@/lib/practice/practice";
import { drainOutbox } from "@/lib/email/dispatcher";
import { runSweep } from "@/lib/maintenance/sweep";
import { subscribe } from "@/lib/newsletter/subscribe";
import { erasePerson } from "@/lib/admin/privacy";
import { purgeExpiredRecords } from "./retention";

async function visitorWrites(email: string, name = "Robin Vale") {
  const result = await sendContactMessage(
    { formKey: randomUUID(), name, email, preferredContact: "email", message: "Hello there", consent: "yes" },
    { ip: `203.0.113.${Math.floor(Math.random() * 250) + 1}` },
  );
  expect(result.status).toBe("success");
}

describe("erasing a person", () => {
  it("leaves no row anywhere that holds their address, outbox and delivery attempts included", async () => {
    const person = `Robin.Vale.${randomUUID().slice(0, 6)}@Example.com`;
    await visitorWrites(person);
    await visitorWrites(person.toLowerCase());
    await visitorWrites("someone.else@example.com", "Someone Else");
    await drainOutbox();
    expect((await rowsContaining(person)).length).toBeGreaterThan(0);

    await signInAs(THERAPIST);
    const result = await erasePerson({ email: `  ${person.toUpperCase()} `, confirm: "yes" });
    expect(result).toEqual({
      status: "saved",
      message: "Deleted 2 contact messages, 2 emails in the outbox. The audit log records that an erasure happened, without the address.",
      saved: { contactMessages: 2, bookings: 0, waitlistEntries: 0, newsletterSubscribers: 0, outboxEmails: 2 },
    });

    expect(await rowsContaining(person)).toEqual([]);
    expect(await rowsContaining("Robin Vale")).toEqual([]);
    // Everyone else's data is untouched.
    const db = await getDb();
    expect(await db.select({ email: contactMessages.email }).from(contactMessages)).toEqual([{ email: "someone.else@example.com" }]);
    expect((await rowsContaining("someone.else@example.com")).length).toBeGreaterThan(0);
    // The erasure is recorded, with counts and without the address.
    const events = await db.select().from(auditEvents);
    expect(events.map((event) => [event.actor, event.action, event.subjectType, event.detail])).toEqual([
      [THERAPIST, "erase", "person", { contactMessages: 2, bookings: 0, waitlistEntries: 0, newsletterSubscribers: 0, outboxEmails: 2 }],
    ]);
  });

  it("erases their booking records too: the booking, and every email to them or about it (the therapist's notice included)", async () => {
    const person = `Booker.${randomUUID().slice(0, 6)}@Example.com`;
    await visitorWrites(person);
    const booked = await requestConfirmedBooking(intakeRequest({ email: person, name: "Booker Vale" }), { ip: ip(), now: NOW });
    expect(booked.status).toBe("requested");
    const bookingId = (booked as { bookingId: string }).bookingId;
    await drainOutbox({ now: NOW });
    expect((await rowsContaining(person)).length).toBeGreaterThan(0);
    expect((await rowsContaining(bookingId)).length).toBeGreaterThan(0);

    await signInAs(THERAPIST);
    const result = await erasePerson({ email: person, confirm: "yes" });
    expect(result).toMatchObject({ status: "saved", saved: { contactMessages: 1, bookings: 1 } });
    expect(await rowsContaining(person)).toEqual([]);
    expect(await rowsContaining(person.toLowerCase())).toEqual([]);
    expect(await rowsContaining("Booker Vale")).toEqual([]);
    expect(await rowsContaining(bookingId)).toEqual([]);
  });

  it("includes the newsletter: the subscription, its confirmation email and send records are gone", async () => {
    const person = `Robin.Reader.${randomUUID().slice(0, 6)}@Example.com`;
    expect(await subscribe({ formKey: crypto.randomUUID(), email: person, firstName: "Robin", consent: "yes" }, { ip: "203.0.113.77" })).toEqual({ status: "success" });
    expect(await subscribe({ formKey: crypto.randomUUID(), email: "stays@example.com", consent: "yes" }, { ip: "203.0.113.78" })).toEqual({ status: "success" });
    await drainOutbox();
    expect((await rowsContaining(person.toLowerCase())).length).toBeGreaterThan(0);

    await signInAs(THERAPIST);
    const result = await erasePerson({ email: person, confirm: "yes" });
    expect(result).toMatchObject({ status: "saved", message: expect.stringMatching(/^Deleted 1 newsletter subscription, 1 email in the outbox\./) });
    expect(result).toMatchObject({ saved: { contactMessages: 0, bookings: 0, waitlistEntries: 0, newsletterSubscribers: 1, outboxEmails: 1 } });
    expect(await rowsContaining(person.toLowerCase())).toEqual([]);
    const db = await getDb();
    expect(await db.select({ email: subscribers.email }).from(subscribers)).toEqual([{ email: "stays@example.com" }]);
  });

  it("refuses bad input beside the field and erases nothing", async () => {
    await signInAs(THERAPIST);
    await visitorWrites("kept@example.com");
    const before = await databaseSnapshot();
    expect(await erasePerson({ email: "kept@example.com" })).toMatchObject({ status: "invalid", fieldErrors: { confirm: [expect.any(String)] } });
    expect(await erasePerson({ email: "kept@", confirm: "yes" })).toMatchObject({ status: "invalid", fieldErrors: { email: [expect.any(String)] }, values: { email: "kept@" } });
    expect(await erasePerson({ email: "%", confirm: "yes" })).toMatchObject({ status: "invalid", fieldErrors: { email: [expect.any(String)] } });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("treats the address literally: no wildcard erases anyone else", async () => {
    await signInAs(THERAPIST);
    await visitorWrites("a_b@example.com");
    await visitorWrites("axb@example.com");
    expect(await erasePerson({ email: "a_b@example.com", confirm: "yes" })).toMatchObject({ status: "saved", saved: { contactMessages: 1 } });
    expect((await rowsContaining("axb@example.com")).length).toBeGreaterThan(0);
  });

  for (const [who, becomeIntruder] of intruders) {
    it(`is refused for ${who}, erasing nothing`, async () => {
      await becomeIntruder();
      await visitorWrites("kept@example.com");
      await expectEveryCallRefused({ erasePerson: () => erasePerson({ email: "kept@example.com", confirm: "yes" }) });
    });
  }
});

describe("the retention rule", () => {
  const days = practice.privacy.contactMessageRetentionDays;
  const ago = (d: number) => new Date(Date.now() - d * 24 * 60 * 60 * 1000);

  it("the periodic sweep deletes messages, and finished emails, older than the retention period, and records the purge", async () => {
    const old = await storedMessage({ createdAt: ago(days + 1) });
    const recent = await storedMessage({ createdAt: ago(days - 1) });
    const db = await getDb();
    await db.insert(outboxEmails).values([
      { recipient: old.email, template: "contact-acknowledgement", subject: "s", props: {}, status: "sent", createdAt: ago(days + 1) },
      { recipient: "waiting@example.com", template: "contact-acknowledgement", subject: "s", props: {}, status: "pending", createdAt: ago(days + 1), nextAttemptAt: new Date(Date.now() + 3_600_000) },
    ]);

    const { purged } = await runSweep();
    expect(purged).toEqual({ contactMessages: 1, outboxEmails: 1 });
    expect((await db.select({ id: contactMessages.id }).from(contactMessages)).map((row) => row.id)).toEqual([recent.id]);
    expect(await rowsContaining(old.email)).toEqual([]);
    // An email still waiting to go out is never purged.
    expect((await db.select({ recipient: outboxEmails.recipient }).from(outboxEmails)).map((row) => row.recipient)).toEqual(["waiting@example.com"]);
    const [event] = await db.select().from(auditEvents);
    expect(event).toMatchObject({ actor: null, action: "retention-purge", detail: { contactMessages: 1, outboxEmails: 1, retentionDays: days } });
  });

  it("records nothing when there is nothing to purge", async () => {
    await storedMessage();
    expect(await purgeExpiredRecords()).toEqual({ contactMessages: 0, outboxEmails: 0 });
    expect(await (await getDb()).select().from(auditEvents)).toEqual([]);
  });
});
