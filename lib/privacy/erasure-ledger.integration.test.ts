import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, contactMessages, emailAttempts, outboxEmails, subscribers } from "@/db/schema";
import { sendContactMessage } from "@/lib/contact/send-message";
import { drainOutbox } from "@/lib/email/dispatcher";
import { subscribe } from "@/lib/newsletter/subscribe";
import { NOW, intakeRequest, ip, requestConfirmedBooking } from "@/lib/testing/booking-fixtures";
import { rowsContaining } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { erasePerson } from "@/lib/admin/privacy";
import { reapplyErasures } from "./erasure-ledger";

async function visitorWrites(email: string, name = "Robin Vale") {
  const result = await sendContactMessage(
    { formKey: randomUUID(), name, email, preferredContact: "email", message: "Hello there", consent: "yes" },
    { ip: `203.0.113.${Math.floor(Math.random() * 250) + 1}` },
  );
  expect(result.status).toBe("success");
}

/** What a nightly dump holds of the tables a person lives in, and putting it back as pg_restore would. */
async function backup() {
  const db = await getDb();
  return {
    contactMessages: await db.select().from(contactMessages),
    bookings: await db.select().from(bookings),
    subscribers: await db.select().from(subscribers),
    outboxEmails: await db.select().from(outboxEmails),
    emailAttempts: await db.select().from(emailAttempts),
  };
}
async function restore(dump: Awaited<ReturnType<typeof backup>>) {
  const db = await getDb();
  await db.delete(emailAttempts);
  await db.delete(outboxEmails);
  await db.delete(subscribers);
  await db.delete(bookings);
  await db.delete(contactMessages);
  if (dump.contactMessages.length) await db.insert(contactMessages).values(dump.contactMessages);
  if (dump.bookings.length) await db.insert(bookings).values(dump.bookings);
  if (dump.subscribers.length) await db.insert(subscribers).values(dump.subscribers);
  if (dump.outboxEmails.length) await db.insert(outboxEmails).values(dump.outboxEmails);
  if (dump.emailAttempts.length) await db.insert(emailAttempts).values(dump.emailAttempts);
}

describe("an erasure survives restoring a backup", () => {
  it("erase, restore the dump from before, re-apply: no row of that person, everyone else as restored", async () => {
    const person = `Robin.Vale.${randomUUID().slice(0, 6)}@Example.com`;
    await visitorWrites(person);
    const booked = await requestConfirmedBooking(intakeRequest({ email: person, name: "Robin Vale" }), { ip: ip(), now: NOW });
    expect(booked.status).toBe("requested");
    expect(await subscribe({ formKey: randomUUID(), email: person, consent: "yes" }, { ip: "203.0.113.77" })).toEqual({ status: "success" });
    await visitorWrites("someone.else@example.com", "Someone Else");
    await drainOutbox({ now: NOW });
    const taken = await backup();
    // The booking fixture writes at its fixed NOW (2027); last night's booking was written last night.
    const lastNight = { ...taken, bookings: taken.bookings.map((booking) => ({ ...booking, createdAt: new Date(Date.now() - 3_600_000) })) };

    await signInAs(THERAPIST);
    expect(await erasePerson({ email: person, confirm: "yes" })).toMatchObject({ status: "saved" });
    await restore(lastNight);
    expect((await rowsContaining(person.toLowerCase())).length).toBeGreaterThan(0);

    const again = await reapplyErasures();
    expect(again.people).toBe(1);
    expect(again.erased).toMatchObject({ contactMessages: 1, bookings: 1, newsletterSubscribers: 1 });
    expect(await rowsContaining(person.toLowerCase())).toEqual([]);
    expect(await rowsContaining("Robin Vale")).toEqual([]);
    expect((await rowsContaining("someone.else@example.com")).length).toBeGreaterThan(0);
    // The list holds a fingerprint and a time, never the address.
    const list = readFileSync(process.env.ERASURES_FILE!, "utf8");
    expect(list).toMatch(/^[0-9a-f]{64} \d{4}-\d\d-\d\dT[\d:.]+Z\n$/);
    expect(list.toLowerCase()).not.toContain(person.toLowerCase().split("@")[0]);
    // Nothing left to do the second time.
    expect((await reapplyErasures()).people).toBe(0);
  });

  it("keeps what the person sent after the erasure: writing again is a new choice", async () => {
    const person = `Writes.Again.${randomUUID().slice(0, 6)}@example.com`;
    await visitorWrites(person);
    await signInAs(THERAPIST);
    expect(await erasePerson({ email: person, confirm: "yes" })).toMatchObject({ status: "saved", saved: { contactMessages: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await visitorWrites(person);

    expect((await reapplyErasures()).people).toBe(0);
    const db = await getDb();
    expect(await db.select({ email: contactMessages.email }).from(contactMessages)).toEqual([{ email: person.toLowerCase() }]);
  });
});
