import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contactMessages, outboxEmails } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { renderEmail } from "@/lib/email/render";
import { expectRefusal, sentFields } from "@/lib/testing/refusals";
import { contactForm, sendContactMessage } from "./send-message";

const contactRateLimits = contactForm.limits;

function validMessage(overrides: Record<string, unknown> = {}) {
  return {
    formKey: randomUUID(),
    website: "",
    name: "Jordan Rivers",
    email: `jordan.${randomUUID().slice(0, 8)}@example.com`,
    phone: "",
    preferredContact: "email",
    message: "I would like to ask about sessions for new parents.",
    consent: "yes",
    ...overrides,
  };
}

async function rowCounts() {
  const db = await getDb();
  const [messages] = await db.select({ n: count() }).from(contactMessages);
  const [emails] = await db.select({ n: count() }).from(outboxEmails);
  return { messages: messages!.n, emails: emails!.n };
}

const ip = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

describe("sending a contact message", () => {
  it("stores the message and queues an acknowledgement and a notification together", async () => {
    const input = validMessage({ phone: "+1 503 555 0100", preferredContact: "phone" });
    const result = await sendContactMessage(input, { ip: ip() });
    expect(result).toEqual({ status: "success" });

    const db = await getDb();
    const [stored] = await db.select().from(contactMessages);
    expect(stored).toMatchObject({
      name: "Jordan Rivers",
      email: input.email,
      phone: "+1 503 555 0100",
      preferredContact: "phone",
      consentNoticeVersion: practice.privacy.noticeVersion,
    });
    expect(stored!.consentedAt).toBeInstanceOf(Date);

    const emails = await db.select().from(outboxEmails).orderBy(outboxEmails.template);
    expect(emails.map((email) => [email.template, email.recipient, email.status])).toEqual([
      ["contact-acknowledgement", input.email, "pending"],
      ["contact-notification", practice.notificationEmail, "pending"],
    ]);
  });

  it("puts nothing the visitor typed into either email, not even their name", async () => {
    const input = validMessage({ name: "Sam Quill", phone: "+1 503 555 0199", message: "Private detail: nightmares since March." });
    await sendContactMessage(input, { ip: ip() });
    const db = await getDb();
    const emails = await db.select().from(outboxEmails);
    for (const email of emails) {
      const { html, text } = await renderEmail(email.template, email.props);
      for (const part of [html, text, email.subject]) {
        expect(part).not.toContain("nightmares");
        expect(part).not.toContain("555 0199");
      }
      expect(`${html}${text}`).not.toContain("Sam Quill");
      if (email.template === "contact-notification") {
        expect(`${html}${text}`).not.toContain(input.email);
        expect(text).toMatch(/\/admin\/messages\/[0-9a-f-]{36}/);
      }
    }
  });

  it("stores one message when the same form is sent twice", async () => {
    const input = validMessage();
    await sendContactMessage(input, { ip: ip() });
    const again = await sendContactMessage(input, { ip: ip() });
    expect(again).toEqual({ status: "success" });
    expect(await rowCounts()).toEqual({ messages: 1, emails: 2 });
  });

  it("reads a FormData post the way a browser without JavaScript sends it", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(validMessage())) form.append(name, String(value));
    form.append("$ACTION_ID_abc123", "");
    expect(await sendContactMessage(form, { ip: ip() })).toEqual({ status: "success" });
    expect(await rowCounts()).toEqual({ messages: 1, emails: 2 });
  });
});

describe("refusing a contact message", () => {
  const cases: [string, Record<string, unknown>, { field?: string; form?: RegExp }][] = [
    ["a missing name", { name: "" }, { field: "name" }],
    ["a missing message", { message: "   " }, { field: "message" }],
    ["an invalid email", { email: "not-an-email" }, { field: "email" }],
    ["a message of 1 MB", { message: "a".repeat(1024 * 1024) }, { field: "message" }],
    ["no consent", { consent: undefined }, { field: "consent" }],
    ["phone chosen without a number", { preferredContact: "phone", phone: "" }, { field: "phone" }],
    ["a header-injection attempt in the name", { name: "Eve\r\nBcc: victim@example.com" }, { field: "name" }],
    ["a NUL in the name", { name: "Jordan\u0000Rivers" }, { field: "name" }],
    ["a name of only zero-width characters", { name: "\u200b\u200b" }, { field: "name" }],
    ["a line break in the phone", { phone: "555\r\n0100" }, { field: "phone" }],
    ["an address whose local part is over 64 characters", { email: `${"a".repeat(65)}@example.com` }, { field: "email" }],
    ["a filled honeypot", { website: "https://spam.example" }, { form: /automated/ }],
    ["an unknown field", { isAdmin: "true" }, { form: /fields it does not have/ }],
    ["a missing form key", { formKey: undefined }, { form: /expired/ }],
    ["a forged form key", { formKey: "1; drop table contact_message" }, { form: /expired/ }],
  ];

  it.each(cases)("refuses %s, keeps what was typed and writes nothing", async (_label, overrides, expected) => {
    const input = sentFields(validMessage(overrides));
    expectRefusal(await sendContactMessage(input, { ip: ip() }), input, expected);
    expect(await rowCounts()).toEqual({ messages: 0, emails: 0 });
  });

  it("reports every problem at once, each beside its own field", async () => {
    const result = await sendContactMessage(validMessage({ name: "", email: "nope", message: "", consent: "no" }), { ip: ip() });
    expect(result.status === "invalid" && Object.keys(result.fieldErrors).sort()).toEqual(["consent", "email", "message", "name"]);
  });

  it("limits messages per IP, and the refused one writes nothing", async () => {
    const sameIp = "198.51.100.7";
    for (let i = 0; i < contactRateLimits.perIp.max; i += 1) {
      expect((await sendContactMessage(validMessage(), { ip: sameIp })).status).toBe("success");
    }
    const before = await rowCounts();
    const refused = await sendContactMessage(validMessage(), { ip: sameIp });
    expect(refused.status === "invalid" && refused.formError).toMatch(/several of these/);
    expect(await rowCounts()).toEqual(before);
    // Another visitor is not affected.
    expect((await sendContactMessage(validMessage(), { ip: "198.51.100.8" })).status).toBe("success");
  });

  it("limits messages per address, whatever the IP and letter case", async () => {
    const email = "repeat@example.com";
    for (let i = 0; i < contactRateLimits.perAddress.max; i += 1) {
      expect((await sendContactMessage(validMessage({ email }), { ip: ip() })).status).toBe("success");
    }
    const refused = await sendContactMessage(validMessage({ email: "Repeat@Example.com" }), { ip: ip() });
    expect(refused.status).toBe("invalid");
    const db = await getDb();
    const stored = await db.select({ n: count() }).from(contactMessages).where(eq(contactMessages.email, email));
    expect(stored[0]!.n).toBe(contactRateLimits.perAddress.max);
  });

  it("counts plus-addressed variants of one mailbox together", async () => {
    for (let i = 0; i < contactRateLimits.perAddress.max; i += 1) {
      expect((await sendContactMessage(validMessage({ email: `v+${i}@example.com` }), { ip: ip() })).status).toBe("success");
    }
    const before = await rowCounts();
    const refused = await sendContactMessage(validMessage({ email: "v+99@example.com" }), { ip: ip() });
    expect(refused.status === "invalid" && refused.formError).toMatch(/several of these/);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a body that is no form with a refusal, not a crash", async () => {
    for (const body of [[], undefined, null, "text", 42]) {
      const result = await sendContactMessage(body, { ip: ip() });
      expect(result.status === "invalid" && result.formError).toMatch(/could not read/);
    }
    expect(await rowCounts()).toEqual({ messages: 0, emails: 0 });
  });

  it("lets a visitor write again once the window has passed", async () => {
    const sameIp = "198.51.100.9";
    const start = new Date("2026-11-01T10:00:00Z");
    for (let i = 0; i <= contactRateLimits.perIp.max; i += 1) await sendContactMessage(validMessage(), { ip: sameIp, now: start });
    const later = new Date(start.getTime() + (contactRateLimits.perIp.windowSeconds + 1) * 1000);
    expect((await sendContactMessage(validMessage(), { ip: sameIp, now: later })).status).toBe("success");
  });
});
