import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailAttempts, libraryAccess, newsletterIssues, newsletterSends, outboxEmails, subscribers } from "@/db/schema";
import { runSweep } from "@/lib/maintenance/sweep";
import { confirmSubscription } from "./confirm";
import { libraryReader } from "./library";
import { tokenHash, unsubscribeToken } from "./links";
import { subscribe } from "./subscribe";
import { eraseSubscriber, exportSubscribersCsv, purgeUnconfirmedSubscribers, searchSubscribers, subscriberTotals } from "./subscribers";
import { therapistForTests } from "@/lib/testing/therapist";

const therapist = therapistForTests();
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number, now: Date) => new Date(now.getTime() - days * DAY);

type Seed = { email: string; firstName?: string; status?: "pending" | "confirmed" | "unsubscribed"; source?: string; createdAt?: Date; confirmedAt?: Date | null; unsubscribedAt?: Date | null; suppressed?: boolean; consentedAt?: Date };

async function add(seed: Seed) {
  const db = await getDb();
  const id = randomUUID();
  const createdAt = seed.createdAt ?? new Date();
  await db.insert(subscribers).values({
    id,
    email: seed.email,
    firstName: seed.firstName ?? null,
    status: seed.status ?? "confirmed",
    source: seed.source ?? "footer",
    consentNoticeVersion: "2026-11-01",
    consentedAt: seed.consentedAt ?? createdAt,
    createdAt,
    confirmedAt: seed.confirmedAt === undefined ? (seed.status === "pending" ? null : createdAt) : seed.confirmedAt,
    unsubscribedAt: seed.unsubscribedAt ?? null,
    suppressedAt: seed.suppressed ? new Date() : null,
    suppressionReason: seed.suppressed ? "complained" : null,
    unsubscribeTokenHash: tokenHash(unsubscribeToken(id)),
  });
  return id;
}

describe("the subscribers room", () => {
  it("searches by address or first name, literally, and filters by status", async () => {
    await add({ email: "ana@example.com", firstName: "Ana" });
    await add({ email: "ben@example.com", firstName: "Ben", status: "pending" });
    await add({ email: "100%_real@example.com" });
    await add({ email: "gone@example.com", status: "unsubscribed" });
    await add({ email: "spam@example.com", suppressed: true });

    const names = async (options: Parameters<typeof searchSubscribers>[1]) => (await searchSubscribers(therapist, options)).subscribers.map((row) => row.email).sort();
    expect(await names({ query: "ANA" })).toEqual(["ana@example.com"]);
    expect(await names({ query: "ben" })).toEqual(["ben@example.com"]);
    expect(await names({ query: "%_" })).toEqual(["100%_real@example.com"]);
    expect(await names({ status: "pending" })).toEqual(["ben@example.com"]);
    expect(await names({ status: "confirmed" })).toEqual(["100%_real@example.com", "ana@example.com"]);
    expect(await names({ status: "suppressed" })).toEqual(["spam@example.com"]);
    const page = await searchSubscribers(therapist, { pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.subscribers).toHaveLength(2);
    expect(Object.keys(page.subscribers[0]!)).not.toContain("unsubscribeTokenHash");
  });

  it("counts totals by status and the last 30 days' growth", async () => {
    const now = new Date("2026-11-30T12:00:00Z");
    await add({ email: "old@example.com", createdAt: ago(90, now) });
    await add({ email: "new1@example.com", createdAt: ago(3, now) });
    await add({ email: "new2@example.com", createdAt: ago(3, now) });
    await add({ email: "new3@example.com", createdAt: ago(10, now) });
    await add({ email: "left@example.com", status: "unsubscribed", createdAt: ago(80, now), unsubscribedAt: ago(5, now) });
    await add({ email: "waiting@example.com", status: "pending" });
    await add({ email: "bounced@example.com", suppressed: true, createdAt: ago(60, now) });

    const totals = await subscriberTotals(therapist, now);
    expect(totals).toMatchObject({ confirmed: 4, pending: 1, unsubscribed: 1, suppressed: 1, total: 7 });
    expect(totals.last30Days).toMatchObject({ confirmed: 3, unsubscribed: 1, net: 2 });
    expect(totals.last30Days.confirmationsByDay).toEqual([
      { day: "2026-11-20", n: 1 },
      { day: "2026-11-27", n: 2 },
    ]);
  });

  it("exports CSV that a spreadsheet cannot run as formulas", async () => {
    await add({ email: "ana@example.com", firstName: "=HYPERLINK(\"http://evil.example\")", source: "post:secure-attachment-with-your-baby" });
    await add({ email: "ben@example.com", firstName: "@SUM(1)" });
    const csv = await exportSubscribersCsv(therapist);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe('"email","first_name","status","suppressed","source","signed_up_at","confirmed_at","unsubscribed_at","consent_notice_version","consented_at"');
    expect(lines).toHaveLength(3);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain(`"'@SUM(1)"`);
    expect(csv).toContain('"post:secure-attachment-with-your-baby"');
    for (const line of lines.slice(1)) expect(line).toMatch(/^"[a-z]/);
  });

  it("erases a subscriber with everything addressed to them, and closes their library at once", async () => {
    const db = await getDb();
    await subscribe({ formKey: crypto.randomUUID(), email: "Erase.Me@example.com", consent: "yes", website: "" }, { ip: "203.0.113.40" });
    await subscribe({ formKey: crypto.randomUUID(), email: "keep@example.com", consent: "yes", website: "" }, { ip: "203.0.113.41" });
    const [confirmation] = await db.select().from(outboxEmails).where(eq(outboxEmails.recipient, "erase.me@example.com"));
    const token = /confirm\/([A-Za-z0-9_-]{43})$/.exec(String(confirmation!.props.confirmUrl))![1]!;
    const confirmed = await confirmSubscription(token);
    if (!confirmed.confirmed) throw new Error("not confirmed");
    // An outbox row written with the letter case the person typed, and its attempt.
    const [contact] = await db.insert(outboxEmails).values({ recipient: "Erase.Me@Example.com", template: "contact-acknowledgement", subject: "x", props: {} }).returning();
    await db.insert(emailAttempts).values({ outboxEmailId: contact!.id, succeeded: true, durationMs: 5 });
    const [issue] = await db.insert(newsletterIssues).values({ subject: "S", body: "B", createdBy: therapist.email }).returning();
    const [row] = await db.select().from(subscribers).where(eq(subscribers.email, "erase.me@example.com"));
    await db.insert(newsletterSends).values({ issueId: issue!.id, subscriberId: row!.id });

    expect(await eraseSubscriber(therapist, row!.id)).toEqual({ status: "done" });
    expect(await libraryReader(confirmed.session.token)).toBeNull();
    const everything = JSON.stringify({
      subscribers: await db.select().from(subscribers),
      outbox: await db.select().from(outboxEmails),
      sends: await db.select().from(newsletterSends),
      access: await db.select().from(libraryAccess),
    }).toLowerCase();
    expect(everything).not.toContain("erase.me@example.com");
    expect(everything).toContain("keep@example.com");
    expect((await db.select({ n: count() }).from(emailAttempts))[0]!.n).toBe(0);
    expect(await eraseSubscriber(therapist, row!.id)).toMatchObject({ status: "refused", reason: "not-found" });
    expect(await eraseSubscriber(therapist, "not-an-id")).toMatchObject({ status: "refused", reason: "not-found" });
  });
});

describe("purging signups never confirmed", () => {
  it("deletes pending signups older than 30 days with their confirmation emails, and nothing else", async () => {
    const now = new Date();
    const db = await getDb();
    await subscribe({ formKey: crypto.randomUUID(), email: "stale@example.com", consent: "yes", website: "" }, { ip: "203.0.113.50", now: ago(31, now) });
    await subscribe({ formKey: crypto.randomUUID(), email: "fresh@example.com", consent: "yes", website: "" }, { ip: "203.0.113.51", now: ago(29, now) });
    await add({ email: "loyal@example.com", createdAt: ago(400, now) });
    // A former subscriber who asked to come back 40 days ago and never confirmed.
    await add({ email: "returning@example.com", status: "pending", confirmedAt: ago(300, now), createdAt: ago(300, now), consentedAt: ago(40, now) });

    expect(await purgeUnconfirmedSubscribers(now)).toBe(1);
    const left = await db.select({ email: subscribers.email, status: subscribers.status }).from(subscribers).orderBy(subscribers.email);
    expect(left).toEqual([
      { email: "fresh@example.com", status: "pending" },
      { email: "loyal@example.com", status: "confirmed" },
      { email: "returning@example.com", status: "unsubscribed" },
    ]);
    const recipients = (await db.select().from(outboxEmails)).map((row) => row.recipient);
    expect(recipients).toEqual(["fresh@example.com"]);
  });

  it("is part of the periodic sweep", async () => {
    const now = new Date();
    await subscribe({ formKey: crypto.randomUUID(), email: "stale@example.com", consent: "yes", website: "" }, { ip: "203.0.113.52", now: ago(31, now) });
    const result = await runSweep(now, { broadcastBudgetMs: 1000 });
    expect(result.newsletter.purgedSignups).toBe(1);
  });
});
