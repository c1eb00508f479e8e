import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contactMessages, outboxEmails } from "@/db/schema";
import { sendContactMessage } from "@/lib/contact/send-message";
import { publicFormMessages } from "@/lib/forms/public-form";
import { NOW, ip } from "@/lib/testing/booking-fixtures";

// What a visitor notices of every per-IP and per-address limit, on the
// contact form; every public form counts through the same pipeline.

const message = (email = `jo.${randomUUID().slice(0, 8)}@example.com`) => ({
  formKey: randomUUID(),
  website: "",
  name: "Jo",
  email,
  phone: "",
  preferredContact: "email",
  message: "Hello",
  consent: "yes",
});

const tooMany = { status: "invalid", formError: publicFormMessages.tooMany };
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const sent = async (input: unknown, context: { ip: string; now: Date }) => (await sendContactMessage(input, context)).status === "success";

async function acknowledgementsTo(address: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(outboxEmails).where(eq(outboxEmails.recipient, address));
  return row!.n;
}

async function storedMessages() {
  const db = await getDb();
  return (await db.select({ n: count() }).from(contactMessages))[0]!.n;
}

describe("per-IP limits count the client's network", () => {
  it("counts 150 addresses of one IPv6 /64 as one client", async () => {
    let accepted = 0;
    for (let i = 1; i <= 150; i += 1) if (await sent(message(), { ip: `2001:db8:aa:1:${i.toString(16)}::${((i * 7919) % 0xffff).toString(16)}`, now: NOW })) accepted += 1;
    // The contact form's limit for one client: 10 an hour.
    expect(accepted).toBe(10);
    expect(await storedMessages()).toBe(10);
    // The next /64 is another household.
    expect(await sent(message(), { ip: "2001:db8:aa:2::1", now: NOW })).toBe(true);
  });

  it("counts an IPv4-mapped address as its IPv4 address", async () => {
    for (let i = 0; i < 10; i += 1) expect(await sent(message(), { ip: "198.51.100.20", now: NOW })).toBe(true);
    expect(await sendContactMessage(message(), { ip: "::ffff:198.51.100.20", now: NOW })).toMatchObject(tooMany);
    expect(await sendContactMessage(message(), { ip: "::ffff:c633:6414", now: NOW })).toMatchObject(tooMany);
  });

  it("gives the /64s of one /48 a group budget of four clients' worth", async () => {
    let accepted = 0;
    for (let subnet = 1; subnet <= 20; subnet += 1) {
      for (let i = 0; i < 3; i += 1) if (await sent(message(), { ip: `2001:db8:bb:${subnet.toString(16)}::${i + 1}`, now: NOW })) accepted += 1;
    }
    expect(accepted).toBe(40);
    expect(await sendContactMessage(message(), { ip: "2001:db8:bb:ff::1", now: NOW })).toMatchObject(tooMany);
    // Another /48 is untouched.
    expect(await sent(message(), { ip: "2001:db8:bc:1::1", now: NOW })).toBe(true);
  });

  it("gives the addresses of one IPv4 /24 the same group budget", async () => {
    let accepted = 0;
    for (let host = 1; host <= 20; host += 1) {
      for (let i = 0; i < 3; i += 1) if (await sent(message(), { ip: `192.0.2.${host}`, now: NOW })) accepted += 1;
    }
    expect(accepted).toBe(40);
    expect(await sent(message(), { ip: "192.0.3.1", now: NOW })).toBe(true);
  });
});

describe("an hour's limit holds in every hour", () => {
  it("refuses 5 more to one mailbox just after the hour's edge, and lets each through once its first has left the hour", async () => {
    const address = "sam@example.com";
    expect(await sent(message(address), { ip: ip(), now: minutes(0) })).toBe(true);
    for (let i = 0; i < 4; i += 1) expect(await sent(message(address), { ip: ip(), now: minutes(59) })).toBe(true);

    // Just past the first hour: the message at 0:00 has left it, the four at 0:59 have not.
    const past = [];
    for (let i = 0; i < 5; i += 1) past.push(await sendContactMessage(message(address), { ip: ip(), now: minutes(61) }));
    expect(past.map((result) => result.status)).toEqual(["success", "invalid", "invalid", "invalid", "invalid"]);
    expect(past[1]).toMatchObject(tooMany);
    expect(await acknowledgementsTo(address)).toBe(6);

    // Once the four at 0:59 have left the hour too.
    for (let i = 0; i < 4; i += 1) expect(await sent(message(address), { ip: ip(), now: minutes(120) })).toBe(true);
    expect(await sendContactMessage(message(address), { ip: ip(), now: minutes(120) })).toMatchObject(tooMany);
  });

  it("refuses the 11th from one IP within any hour, across the edge too", async () => {
    const visitor = "198.51.100.30";
    expect(await sent(message(), { ip: visitor, now: minutes(0) })).toBe(true);
    for (let i = 0; i < 9; i += 1) expect(await sent(message(), { ip: visitor, now: minutes(59) })).toBe(true);
    // Past the hour's edge only the one from 0:00 has left the hour.
    expect(await sent(message(), { ip: visitor, now: minutes(61) })).toBe(true);
    expect(await sendContactMessage(message(), { ip: visitor, now: minutes(61) })).toMatchObject(tooMany);
    expect(await sent(message(), { ip: visitor, now: minutes(120) })).toBe(true);
  });
});

describe("the per-address limits count one Gmail inbox once", () => {
  it("counts dotted and googlemail.com variants of one Gmail address together, and sends to each as typed", async () => {
    const variants = ["victim@gmail.com", "v.ictim@gmail.com", "vi.ctim@gmail.com", "vic.tim+news@gmail.com", "v.i.c.t.i.m@googlemail.com"];
    for (const variant of variants) expect(await sent(message(variant), { ip: ip(), now: NOW })).toBe(true);
    expect(await sendContactMessage(message("victi.m@gmail.com"), { ip: ip(), now: NOW })).toMatchObject(tooMany);
    expect(await sendContactMessage(message("VICTIM@GoogleMail.com"), { ip: ip(), now: NOW })).toMatchObject(tooMany);
    // The addresses themselves are kept as typed.
    for (const variant of variants) expect(await acknowledgementsTo(variant)).toBe(1);
    // Dots still matter everywhere else.
    expect(await sent(message("v.ictim@example.com"), { ip: ip(), now: NOW })).toBe(true);
  });
});
