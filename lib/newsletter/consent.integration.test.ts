import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outboxEmails, subscribers } from "@/db/schema";
import { confirmSubscription } from "./confirm";
import { subscribe } from "./subscribe";
import { unsubscribe } from "./unsubscribe";

const ip = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
const minutes = (n: number, from: Date) => new Date(from.getTime() + n * 60_000);
const signup = (email: string, firstName?: string) => ({ formKey: randomUUID(), website: "", email, consent: "yes", source: "newsletter", ...(firstName ? { firstName } : {}) });

async function row(email: string) {
  const db = await getDb();
  const [found] = await db.select().from(subscribers).where(eq(subscribers.email, email));
  return found!;
}

/** The link in the newest email of a template to an address. */
async function newestLink(email: string, template: string, key: string, path: string) {
  const db = await getDb();
  const rows = (await db.select().from(outboxEmails).where(eq(outboxEmails.recipient, email))).filter((sent) => sent.template === template);
  return new RegExp(`${path}/([A-Za-z0-9_-]{43})$`).exec(String(rows.at(-1)!.props[key]))![1]!;
}

const stored = ({ firstName, consentedAt, consentNoticeVersion, status }: typeof subscribers.$inferSelect) => ({ firstName, consentedAt, consentNoticeVersion, status });

describe("a signup for an address already on the list", () => {
  it("changes nothing stored about a pending person until the link is used, then applies what was asked", async () => {
    const now = new Date("2026-11-10T12:00:00Z");
    const email = `pending.${randomUUID().slice(0, 6)}@example.com`;
    await subscribe(signup(email, "Sam"), { ip: ip(), now });
    const before = stored(await row(email));

    // A stranger types the same address with another name, eleven minutes later.
    const later = minutes(11, now);
    await subscribe(signup(email, "Mallory"), { ip: ip(), now: later });
    expect(stored(await row(email))).toEqual(before);

    const token = await newestLink(email, "newsletter-confirmation", "confirmUrl", "/newsletter/confirm");
    expect((await confirmSubscription(token, minutes(12, now))).confirmed).toBe(true);
    expect(stored(await row(email))).toEqual({ firstName: "Mallory", consentedAt: later, consentNoticeVersion: before.consentNoticeVersion, status: "confirmed" });
    expect(await row(email)).toMatchObject({ pendingFirstName: null, pendingConsentedAt: null, pendingConsentNoticeVersion: null });
  });

  it("leaves an unsubscribed person unsubscribed, with their consent record, until they confirm again", async () => {
    const now = new Date("2026-11-10T12:00:00Z");
    const email = `left.${randomUUID().slice(0, 6)}@example.com`;
    await subscribe(signup(email, "Robin"), { ip: ip(), now });
    await confirmSubscription(await newestLink(email, "newsletter-confirmation", "confirmUrl", "/newsletter/confirm"), now);
    expect(await unsubscribe(await newestLink(email, "newsletter-welcome", "unsubscribeUrl", "/newsletter/unsubscribe"), now)).toBe(true);
    const before = stored(await row(email));
    expect(before.status).toBe("unsubscribed");

    await subscribe(signup(email, "Visit spam.example now"), { ip: ip(), now: minutes(30, now) });
    expect(stored(await row(email))).toEqual(before);

    // Confirming from the new link is the person saying so: now it applies.
    const token = await newestLink(email, "newsletter-confirmation", "confirmUrl", "/newsletter/confirm");
    expect((await confirmSubscription(token, minutes(31, now))).confirmed).toBe(true);
    expect(stored(await row(email))).toMatchObject({ status: "confirmed", consentedAt: minutes(30, now) });
  });
});
