import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { subscribers } from "@/db/schema";
import { devMailboxEnabled } from "@/lib/email/transport";
import { resetEnvForTests } from "@/lib/env";
import { startBroadcast } from "./broadcast";
import { runBroadcast } from "./broadcast-delivery";
import { listNewsletterCopies, readNewsletterCopy } from "./dev-copies";
import { createIssue } from "./issues";
import { tokenHash, unsubscribePageUrl, unsubscribeToken } from "./links";
import { therapistForTests } from "@/lib/testing/therapist";

const therapist = therapistForTests();

async function confirmedSubscriber() {
  const id = randomUUID();
  const email = `reader.${id.slice(0, 6)}@example.com`;
  await (await getDb()).insert(subscribers).values({
    id,
    email,
    status: "confirmed",
    source: "footer",
    consentNoticeVersion: "2026-11-01",
    consentedAt: new Date(),
    confirmedAt: new Date(),
    unsubscribeTokenHash: tokenHash(unsubscribeToken(id)),
  });
  return { id, email };
}

// As `npm run dev` starts it: the mailbox is opened on purpose.
beforeEach(() => {
  process.env.DEV_MAILBOX = "1";
  resetEnvForTests();
});
afterEach(() => {
  delete process.env.DEV_MAILBOX;
  resetEnvForTests();
});

describe("newsletter copies in the development mailbox", () => {
  it("shows each subscriber's copy of a sent issue, with their own unsubscribe link and the lines as she wrote them", async () => {
    expect(devMailboxEnabled()).toBe(true);
    const ada = await confirmedSubscriber();
    const ben = await confirmedSubscriber();
    const { issueId } = await createIssue(therapist, { subject: "December news", body: "Hello,\n\nWarmly,\nMaya" });
    await startBroadcast(therapist, issueId);
    expect(await runBroadcast(issueId, { paced: false })).toMatchObject({ outcome: "finished", sent: 2 });

    const copies = await listNewsletterCopies();
    expect(copies.map((copy) => copy.recipient).sort()).toEqual([ada.email, ben.email].sort());
    expect(copies.every((copy) => copy.subject === "December news")).toBe(true);
    const adaCopy = await readNewsletterCopy(copies.find((copy) => copy.recipient === ada.email)!.id);
    expect(adaCopy!.html).toContain(unsubscribePageUrl(unsubscribeToken(ada.id)));
    expect(adaCopy!.html).not.toContain(unsubscribePageUrl(unsubscribeToken(ben.id)));
    expect(adaCopy!.html).toMatch(/Warmly,<br\/?>Maya/);
    expect(await readNewsletterCopy(randomUUID())).toBeNull();
    expect(await readNewsletterCopy("not-an-id")).toBeNull();
  });
});
