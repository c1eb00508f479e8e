import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { libraryAccess, outboxEmails, subscribers } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { renderEmail } from "@/lib/email/render";
import { confirmSubscription, confirmationIsOpen } from "./confirm";
import { libraryLinkForm, libraryReader, openLibraryLink, requestLibraryLink } from "./library";
import { expectRefusal, sentFields } from "@/lib/testing/refusals";
import { subscribe, subscribeForm } from "./subscribe";

const subscribeRateLimits = subscribeForm.limits;
const libraryLinkRateLimits = libraryLinkForm.limits;
import { unsubscribe, unsubscribeLinkState } from "./unsubscribe";

import { ip } from "@/lib/testing/booking-fixtures";
const minutes = (n: number, from: Date) => new Date(from.getTime() + n * 60_000);
const days = (n: number, from: Date) => minutes(n * 24 * 60, from);

function signup(overrides: Record<string, unknown> = {}) {
  return { formKey: randomUUID(), website: "", email: `sam.${Math.random().toString(36).slice(2, 8)}@example.com`, firstName: "Sam", consent: "yes", source: "newsletter", ...overrides };
}

async function outbox() {
  const db = await getDb();
  return db.select().from(outboxEmails).orderBy(outboxEmails.createdAt);
}

async function subscriberRows() {
  const db = await getDb();
  return db.select().from(subscribers);
}

const tokenIn = (url: string, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]{43})$`).exec(url)?.[1];

/** Signs up and confirms, returning the address and what the confirmation gave. */
async function confirmedSubscriber(now = new Date()) {
  const input = signup();
  await subscribe(input, { ip: ip(), now });
  const [confirmation] = (await outbox()).filter((email) => email.recipient === input.email && email.template === "newsletter-confirmation");
  const token = tokenIn(String(confirmation!.props.confirmUrl), "/newsletter/confirm")!;
  const confirmed = await confirmSubscription(token, now);
  if (!confirmed.confirmed) throw new Error("could not confirm");
  return { email: input.email, session: confirmed.session };
}

describe("subscribing", () => {
  it("stores a pending subscriber with consent and queues a confirmation whose link lasts 7 days", async () => {
    const now = new Date("2026-11-10T12:00:00Z");
    const input = signup({ email: "  Sam.Rivers@Example.COM ", source: "post:secure-attachment-with-your-baby" });
    expect(await subscribe(input, { ip: ip(), now })).toEqual({ status: "success" });

    const [row] = await subscriberRows();
    expect(row).toMatchObject({
      email: "sam.rivers@example.com",
      firstName: "Sam",
      status: "pending",
      source: "post:secure-attachment-with-your-baby",
      consentNoticeVersion: practice.privacy.noticeVersion,
      consentedAt: now,
      confirmTokenExpiresAt: days(7, now),
    });

    const [email] = await outbox();
    expect(email).toMatchObject({ recipient: "sam.rivers@example.com", template: "newsletter-confirmation", subject: "Please confirm your subscription" });
    const link = String(email!.props.confirmUrl);
    const token = tokenIn(link, "/newsletter/confirm");
    expect(token).toBeDefined();
    // Only a hash is stored, never the token itself.
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.confirmTokenHash).not.toBe(token);
    expect(await confirmationIsOpen(token!, days(6, now))).toBe(true);
    expect(await confirmationIsOpen(token!, days(7.01, now))).toBe(false);
  });

  it("puts nothing the visitor typed into the confirmation, which anyone could have caused", async () => {
    await subscribe(signup({ email: "victim@example.com", firstName: "Visit spam.example now" }), { ip: ip() });
    const [email] = await outbox();
    const { html, text } = await renderEmail(email!.template, email!.props);
    for (const part of [html, text, email!.subject]) expect(part).not.toContain("spam.example");
  });

  it("answers the same for a new, pending, confirmed, unsubscribed or suppressed address", async () => {
    const confirmed = await confirmedSubscriber();
    const left = await confirmedSubscriber();
    const db = await getDb();
    const [leftRow] = await db.select().from(subscribers).where(eq(subscribers.email, left.email));
    await db.update(subscribers).set({ status: "unsubscribed" }).where(eq(subscribers.id, leftRow!.id));
    const bounced = await confirmedSubscriber();
    await db.update(subscribers).set({ suppressedAt: new Date(), suppressionReason: "bounced" }).where(eq(subscribers.email, bounced.email));
    const pending = signup();
    await subscribe(pending, { ip: ip() });

    const later = minutes(11, new Date());
    for (const email of ["new@example.com", pending.email, confirmed.email, left.email, bounced.email]) {
      expect(await subscribe(signup({ email }), { ip: ip(), now: later })).toEqual({ status: "success" });
    }
  });

  it("re-sends the confirmation to a pending address at most once every 10 minutes, and a stranger's re-signup voids no link", async () => {
    const now = new Date();
    const input = signup();
    await subscribe(input, { ip: ip(), now });
    await subscribe(input, { ip: ip(), now: minutes(9, now) });
    expect(await outbox()).toHaveLength(1);

    // Someone else types the owner's address again, twice, from elsewhere.
    await subscribe(input, { ip: ip(), now: minutes(11, now) });
    await subscribe(input, { ip: ip(), now: minutes(22, now) });
    const emails = await outbox();
    expect(emails.map((email) => email.template)).toEqual(["newsletter-confirmation", "newsletter-confirmation", "newsletter-confirmation"]);
    const [first, , latest] = emails.map((email) => tokenIn(String(email.props.confirmUrl), "/newsletter/confirm")!);
    // The owner's first link still opens, and confirms, after both.
    expect(await confirmationIsOpen(latest!, minutes(23, now))).toBe(true);
    expect(await confirmationIsOpen(first!, minutes(23, now))).toBe(true);
    expect((await confirmSubscription(first!, minutes(23, now))).confirmed).toBe(true);
    expect((await subscriberRows())[0]!.status).toBe("confirmed");
    // Spent once, by whichever email it came in.
    expect(await confirmationIsOpen(latest!, minutes(24, now))).toBe(false);
  });

  it("keeps a re-sent link open for another 7 days, and makes a new one once the old has lapsed", async () => {
    const now = new Date();
    const input = signup();
    await subscribe(input, { ip: ip(), now });
    await subscribe(input, { ip: ip(), now: days(6, now) });
    const [first, again] = (await outbox()).map((email) => tokenIn(String(email.props.confirmUrl), "/newsletter/confirm")!);
    expect(again).toBe(first);
    expect(await confirmationIsOpen(first!, days(12, now))).toBe(true);
    expect(await confirmationIsOpen(first!, days(13.01, now))).toBe(false);

    await subscribe(input, { ip: ip(), now: days(14, now) });
    const fresh = tokenIn(String((await outbox()).at(-1)!.props.confirmUrl), "/newsletter/confirm")!;
    expect(fresh).not.toBe(first);
    expect((await confirmSubscription(fresh, days(14, now))).confirmed).toBe(true);
  });

  it("sends a confirmed subscriber who signs up again a fresh library link, not a second subscription", async () => {
    const now = new Date();
    const { email } = await confirmedSubscriber(now);
    await subscribe(signup({ email }), { ip: ip(), now: minutes(11, now) });
    const mine = (await outbox()).filter((row) => row.recipient === email).map((row) => row.template);
    expect(mine).toEqual(["newsletter-confirmation", "newsletter-welcome", "newsletter-library-link"]);
    expect(await subscriberRows()).toHaveLength(1);
  });

  it("asks a former subscriber to confirm again before anything else is sent", async () => {
    const now = new Date();
    const { email } = await confirmedSubscriber(now);
    const [welcome] = (await outbox()).filter((row) => row.template === "newsletter-welcome");
    const token = tokenIn(String(welcome!.props.unsubscribeUrl), "/newsletter/unsubscribe")!;
    expect(await unsubscribe(token, now)).toBe(true);
    await subscribe(signup({ email }), { ip: ip(), now: minutes(11, now) });
    const [row] = await subscriberRows();
    // Still unsubscribed until the address's owner uses the new link.
    expect(row!.status).toBe("unsubscribed");
    expect((await outbox()).at(-1)!.template).toBe("newsletter-confirmation");
  });

  it("stores one subscriber when two signups for the same address arrive together", async () => {
    const input = signup();
    const results = await Promise.all([subscribe(input, { ip: ip() }), subscribe(input, { ip: ip() }), subscribe(input, { ip: ip() })]);
    expect(results.every((result) => result.status === "success")).toBe(true);
    expect(await subscriberRows()).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
  });

  it("reads a FormData post the way a browser without JavaScript sends it", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(signup())) form.append(name, String(value));
    form.append("$ACTION_ID_abc", "");
    expect(await subscribe(form, { ip: ip() })).toEqual({ status: "success" });
    expect(await subscriberRows()).toHaveLength(1);
  });

  it("records a tampered source as the newsletter page rather than refusing", async () => {
    await subscribe(signup({ source: "<script>" }), { ip: ip() });
    expect((await subscriberRows())[0]!.source).toBe("newsletter");
  });
});

describe("refusing a signup", () => {
  const cases: [string, Record<string, unknown>, { field?: string; form?: RegExp }][] = [
    ["a missing address", { email: "" }, { field: "email" }],
    ["an invalid address", { email: "sam@" }, { field: "email" }],
    ["no consent", { consent: undefined }, { field: "consent" }],
    ["a first name on two lines", { firstName: "Sam\r\nBcc: x@example.com" }, { field: "firstName" }],
    ["a first name of 10 kB", { firstName: "a".repeat(10_000) }, { field: "firstName" }],
    ["a filled honeypot", { website: "https://spam.example" }, { form: /automated/ }],
    ["an unknown field", { isAdmin: "yes" }, { form: /fields it does not have/ }],
  ];

  it.each(cases)("refuses %s, keeps what was typed and writes nothing", async (_label, overrides, expected) => {
    const input = sentFields(signup(overrides));
    expectRefusal(await subscribe(input, { ip: ip() }), input, expected);
    expect(await subscriberRows()).toHaveLength(0);
    expect(await outbox()).toHaveLength(0);
  });

  it("limits signups per IP, and the refused one writes nothing", async () => {
    const sameIp = "198.51.100.20";
    for (let i = 0; i < subscribeRateLimits.perIp.max; i += 1) expect((await subscribe(signup(), { ip: sameIp })).status).toBe("success");
    const refused = await subscribe(signup(), { ip: sameIp });
    expect(refused.status === "invalid" && refused.formError).toMatch(/several of these/);
    expect(await subscriberRows()).toHaveLength(subscribeRateLimits.perIp.max);
    expect((await subscribe(signup(), { ip: "198.51.100.21" })).status).toBe("success");
  });

  it("limits signups per address, whatever the IP and letter case", async () => {
    const now = new Date();
    for (let i = 0; i < subscribeRateLimits.perAddress.max; i += 1) {
      await subscribe(signup({ email: "again@example.com" }), { ip: ip(), now: minutes(11 * i, now) });
    }
    const before = await outbox();
    const refused = await subscribe(signup({ email: "Again@Example.com" }), { ip: ip(), now: minutes(55, now) });
    expect(refused.status).toBe("invalid");
    expect(await outbox()).toHaveLength(before.length);
  });
});

describe("confirming", () => {
  it("confirms only by the POST, queues the welcome email with the library link, and spends the link", async () => {
    const now = new Date();
    const input = signup();
    await subscribe(input, { ip: ip(), now });
    const token = tokenIn(String((await outbox())[0]!.props.confirmUrl), "/newsletter/confirm")!;
    // Opening the page (what a mail scanner does) confirms nothing.
    expect(await confirmationIsOpen(token, now)).toBe(true);
    expect((await subscriberRows())[0]!.status).toBe("pending");

    const confirmed = await confirmSubscription(token, now);
    expect(confirmed.confirmed).toBe(true);
    const [row] = await subscriberRows();
    expect(row).toMatchObject({ status: "confirmed", confirmedAt: now, confirmTokenHash: null });

    const welcome = (await outbox()).find((email) => email.template === "newsletter-welcome")!;
    expect(welcome.recipient).toBe(input.email);
    expect(String(welcome.props.libraryUrl)).toMatch(/\/freebies\/access\/[A-Za-z0-9_-]{43}$/);
    expect(welcome.headers).toMatchObject({
      "List-Unsubscribe": expect.stringMatching(/^<http:\/\/localhost:3000\/api\/newsletter\/unsubscribe\/[A-Za-z0-9_-]{43}>$/),
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": '"Still Water Therapy newsletter" <newsletter.stillwater.example>',
    });
    const { html } = await renderEmail(welcome.template, welcome.props);
    expect(html).toContain(String(welcome.props.unsubscribeUrl));
    expect(html).toContain("Unsubscribe");

    expect(await confirmSubscription(token, now)).toEqual({ confirmed: false });
    expect(await confirmationIsOpen(token, now)).toBe(false);
  });

  it.each([
    ["an expired link", (token: string) => token, 8],
    ["an altered link", (token: string) => `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, 0],
    ["a forged link", () => "A".repeat(43), 0],
    ["garbage", () => "../../etc/passwd", 0],
  ] as const)("refuses %s and changes nothing", async (_label, alter, daysLater) => {
    const now = new Date();
    await subscribe(signup(), { ip: ip(), now });
    const token = tokenIn(String((await outbox())[0]!.props.confirmUrl), "/newsletter/confirm")!;
    expect(await confirmSubscription(alter(token), days(daysLater, now))).toEqual({ confirmed: false });
    expect((await subscriberRows())[0]!.status).toBe("pending");
    expect(await outbox()).toHaveLength(1);
  });
});

describe("the library", () => {
  it("opens with the session from confirming, and with the emailed link, until they expire", async () => {
    const now = new Date();
    const { session } = await confirmedSubscriber(now);
    expect(await libraryReader(session.token, now)).not.toBeNull();
    expect(await libraryReader(session.token, days(31, now))).toBeNull();

    const welcome = (await outbox()).find((email) => email.template === "newsletter-welcome")!;
    const linkToken = tokenIn(String(welcome.props.libraryUrl), "/freebies/access")!;
    const opened = await openLibraryLink(linkToken, days(6, now));
    expect(opened).not.toBeNull();
    expect(opened!.token).not.toBe(linkToken);
    expect(await libraryReader(opened!.token, days(6, now))).not.toBeNull();
    // The link itself is not a session, and expires after 7 days.
    expect(await libraryReader(linkToken, now)).toBeNull();
    expect(await openLibraryLink(linkToken, days(8, now))).toBeNull();
    expect(await openLibraryLink("A".repeat(43), now)).toBeNull();
  });

  it("closes at once when the subscriber unsubscribes", async () => {
    const { session } = await confirmedSubscriber();
    const welcome = (await outbox()).find((email) => email.template === "newsletter-welcome")!;
    const token = tokenIn(String(welcome.props.unsubscribeUrl), "/newsletter/unsubscribe")!;
    expect(await unsubscribeLinkState(token)).toBe("subscribed");
    expect(await unsubscribe(token)).toBe(true);
    expect(await unsubscribeLinkState(token)).toBe("unsubscribed");
    expect(await libraryReader(session.token)).toBeNull();
    const linkToken = tokenIn(String(welcome.props.libraryUrl), "/freebies/access")!;
    expect(await openLibraryLink(linkToken)).toBeNull();
    const db = await getDb();
    expect((await db.select({ n: count() }).from(libraryAccess))[0]!.n).toBe(0);
  });

  it("emails a new link to a confirmed subscriber, and answers the same for anyone else", async () => {
    const now = new Date();
    const { email } = await confirmedSubscriber(now);
    const pending = signup();
    await subscribe(pending, { ip: ip(), now });
    const before = (await outbox()).length;

    for (const address of [email.toUpperCase(), pending.email, "nobody@example.com"]) {
      expect(await requestLibraryLink({ formKey: randomUUID(), email: address, website: "" }, { ip: ip(), now })).toEqual({ status: "success" });
    }
    const added = (await outbox()).slice(before);
    expect(added.map((row) => [row.recipient, row.template])).toEqual([[email, "newsletter-library-link"]]);
    expect(added[0]!.headers).toHaveProperty("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  });

  it("refuses a bad address beside the field and limits requests per address", async () => {
    const bad = await requestLibraryLink({ formKey: randomUUID(), email: "nope", website: "" }, { ip: ip() });
    expect(bad.status === "invalid" && bad.fieldErrors.email?.[0]).toMatch(/email address like/);
    const { email } = await confirmedSubscriber();
    const before = (await outbox()).length;
    for (let i = 0; i < libraryLinkRateLimits.perAddress.max; i += 1) await requestLibraryLink({ formKey: randomUUID(), email, website: "" }, { ip: ip() });
    const refused = await requestLibraryLink({ formKey: randomUUID(), email, website: "" }, { ip: ip() });
    expect(refused.status).toBe("invalid");
    expect((await outbox()).length - before).toBe(libraryLinkRateLimits.perAddress.max);
  });
});

describe("unsubscribing", () => {
  it("cancels newsletter mail still queued for them, and leaves other mail alone", async () => {
    const { email } = await confirmedSubscriber();
    const welcome = (await outbox()).find((row) => row.template === "newsletter-welcome")!;
    expect(welcome.status).toBe("pending");
    const token = tokenIn(String(welcome.props.unsubscribeUrl), "/newsletter/unsubscribe")!;
    await unsubscribe(token);
    const mine = (await outbox()).filter((row) => row.recipient === email);
    expect(mine.map((row) => [row.template, row.status])).toEqual([
      ["newsletter-confirmation", "cancelled"],
      ["newsletter-welcome", "cancelled"],
    ]);
  });

  it("does nothing for a link that belongs to no one", async () => {
    await confirmedSubscriber();
    expect(await unsubscribe("A".repeat(43))).toBe(false);
    expect(await unsubscribe("not a token")).toBe(false);
    expect(await unsubscribeLinkState("A".repeat(43))).toBe("invalid");
    expect((await subscriberRows())[0]!.status).toBe("confirmed");
  });
});
