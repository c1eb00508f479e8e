import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outboxEmails, subscribers } from "@/db/schema";
import { runSweep } from "@/lib/maintenance/sweep";
import { randomToken } from "@/lib/security/hash";
import { confirmSubscription } from "./confirm";
import { tokenHash, unsubscribeToken } from "./links";
import { chooseSeriesWithToken, queueDueSeriesParts, seriesStateForToken, seriesTotals } from "./series";
import { unsubscribe } from "./unsubscribe";
import { therapistForTests } from "@/lib/testing/therapist";

const DAY = 24 * 60 * 60 * 1000;
const therapist = therapistForTests();

/** A signup waiting for its confirmation link, as /newsletter leaves it. */
async function pendingSignup() {
  const id = randomUUID();
  const confirmToken = randomToken();
  const email = `reader.${id.slice(0, 6)}@example.com`;
  await (await getDb()).insert(subscribers).values({
    id,
    email,
    status: "pending",
    source: "footer",
    consentNoticeVersion: "2026-11-01",
    consentedAt: new Date(),
    confirmTokenHash: tokenHash(confirmToken),
    confirmTokenExpiresAt: new Date(Date.now() + DAY),
    unsubscribeTokenHash: tokenHash(unsubscribeToken(id)),
  });
  return { id, email, confirmToken, unsubscribe: unsubscribeToken(id) };
}

async function partsTo(email: string) {
  const rows = await (await getDb()).select().from(outboxEmails).where(eq(outboxEmails.recipient, email));
  return rows.filter((row) => row.template === "newsletter-series-part").map((row) => row.props as { part: number; postUrl: string; excerpt: string });
}

describe("the series by email", () => {
  it("sends part 1 on confirming, then one part a week, each a plain link to the post, and stops after the fourth", async () => {
    const reader = await pendingSignup();
    const start = new Date();
    expect(await confirmSubscription(reader.confirmToken, start, { series: true })).toMatchObject({ confirmed: true });
    expect(await partsTo(reader.email)).toMatchObject([{ part: 1, postUrl: expect.stringMatching(/\/blog\/secure-attachment-with-your-baby$/) }]);

    expect(await queueDueSeriesParts(new Date(start.getTime() + 6 * DAY))).toBe(0);
    expect(await queueDueSeriesParts(new Date(start.getTime() + 7 * DAY))).toBe(1);
    expect(await queueDueSeriesParts(new Date(start.getTime() + 7 * DAY))).toBe(0);
    // A sweep that was down for weeks sends one part at a time, a sweep apart, never a pile at once.
    await runSweep(new Date(start.getTime() + 30 * DAY), { broadcastBudgetMs: 1000 });
    await queueDueSeriesParts(new Date(start.getTime() + 30 * DAY));
    expect(await queueDueSeriesParts(new Date(start.getTime() + 60 * DAY))).toBe(0);
    const parts = await partsTo(reader.email);
    expect(parts.map((part) => part.part)).toEqual([1, 2, 3, 4]);
    for (const part of parts) {
      expect(part.postUrl).not.toMatch(/[?#]/);
      expect(part.excerpt.length).toBeGreaterThan(20);
    }
    expect(await seriesTotals(therapist)).toMatchObject({ receiving: 0, finished: 1, parts: 4 });
  });

  it("is not sent to one who confirmed without choosing it, and unsubscribing stops it", async () => {
    const without = await pendingSignup();
    await confirmSubscription(without.confirmToken, new Date());
    const leaving = await pendingSignup();
    const start = new Date();
    await confirmSubscription(leaving.confirmToken, start, { series: true });
    expect(await seriesTotals(therapist)).toMatchObject({ receiving: 1, finished: 0 });
    await unsubscribe(leaving.unsubscribe);
    expect(await queueDueSeriesParts(new Date(start.getTime() + 8 * DAY))).toBe(0);
    expect(await partsTo(without.email)).toEqual([]);
    expect((await partsTo(leaving.email)).map((part) => part.part)).toEqual([1]);
    expect(await seriesTotals(therapist)).toMatchObject({ receiving: 0 });
  });

  it("can be chosen later with the subscriber's own link, once, and only while subscribed", async () => {
    const reader = await pendingSignup();
    expect(await seriesStateForToken(reader.unsubscribe)).toBe("not-subscribed");
    expect(await chooseSeriesWithToken(reader.unsubscribe)).toBe(false);
    await confirmSubscription(reader.confirmToken, new Date());
    expect(await seriesStateForToken(reader.unsubscribe)).toBe("offer");
    expect(await chooseSeriesWithToken(reader.unsubscribe)).toBe(true);
    expect(await seriesStateForToken(reader.unsubscribe)).toBe("on-series");
    const [row] = await (await getDb()).select({ startedAt: subscribers.seriesStartedAt }).from(subscribers).where(eq(subscribers.id, reader.id));
    expect(await chooseSeriesWithToken(reader.unsubscribe, new Date(Date.now() + DAY))).toBe(true);
    expect((await (await getDb()).select({ startedAt: subscribers.seriesStartedAt }).from(subscribers).where(eq(subscribers.id, reader.id)))[0]).toEqual(row);
    expect(await queueDueSeriesParts()).toBe(1);
    expect(await seriesStateForToken("x".repeat(43))).toBe("invalid");
    expect(await chooseSeriesWithToken("not a token")).toBe(false);
  });
});
