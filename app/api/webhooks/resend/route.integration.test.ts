import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "./route";
import { getDb } from "@/db/client";
import { newsletterIssues, newsletterSends, outboxEmails, subscribers } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { broadcastProgress } from "@/lib/newsletter/broadcast";
import { tokenHash, unsubscribeToken } from "@/lib/newsletter/links";
import { chunkedBody, streamingPost, THREE_MEGABYTES_OF_CHUNKS } from "@/lib/testing/chunked-body";
import { therapistForTests } from "@/lib/testing/therapist";

const secretKey = randomBytes(24);
const SECRET = `whsec_${secretKey.toString("base64")}`;

beforeAll(() => {
  process.env.RESEND_WEBHOOK_SECRET = SECRET;
  resetEnvForTests();
});
afterAll(() => {
  delete process.env.RESEND_WEBHOOK_SECRET;
  resetEnvForTests();
});

/** Signs a payload the way Resend (Svix) does: HMAC-SHA256 over "id.timestamp.body". */
function signed(event: unknown, { key = secretKey, timestamp = Math.floor(Date.now() / 1000) } = {}) {
  const body = JSON.stringify(event);
  const id = `msg_${randomUUID()}`;
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { body, headers: { "svix-id": id, "svix-timestamp": String(timestamp), "svix-signature": `v1,${signature}` } };
}

async function deliver({ body, headers }: { body: string; headers: Record<string, string> }) {
  return POST(new Request("http://localhost:3000/api/webhooks/resend", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }));
}

const event = (type: string, emailId: string, to: string) => ({
  type,
  created_at: "2026-11-20T10:00:00.000Z",
  data: { email_id: emailId, to: [to], from: "newsletter@stillwater.example", subject: "News", created_at: "2026-11-20T09:59:00.000Z" },
});

/** A confirmed subscriber with a sent newsletter email, a pending one, and a broadcast send record. */
async function subscriberWithMail(email = `reader.${randomUUID().slice(0, 6)}@example.com`) {
  const db = await getDb();
  const id = randomUUID();
  await db.insert(subscribers).values({
    id,
    email,
    status: "confirmed",
    source: "footer",
    consentNoticeVersion: "2026-11-01",
    consentedAt: new Date(),
    confirmedAt: new Date(),
    unsubscribeTokenHash: tokenHash(unsubscribeToken(id)),
  });
  const providerId = `re_${randomUUID()}`;
  const [sent] = await db
    .insert(outboxEmails)
    .values({ recipient: email, template: "newsletter-welcome", subject: "Welcome", props: {}, status: "sent", providerId, sentAt: new Date() })
    .returning();
  const [queued] = await db.insert(outboxEmails).values({ recipient: email, template: "newsletter-library-link", subject: "Link", props: {} }).returning();
  const [issue] = await db.insert(newsletterIssues).values({ subject: "S", body: "B", createdBy: "maya@stillwater.example", status: "sending" }).returning();
  const broadcastId = `re_${randomUUID()}`;
  await db.insert(newsletterSends).values({ issueId: issue!.id, subscriberId: id, status: "sent", providerId: broadcastId });
  return { id, email, providerId, broadcastId, sentId: sent!.id, queuedId: queued!.id };
}

async function snapshot() {
  const db = await getDb();
  return { subscribers: await db.select().from(subscribers), outbox: await db.select().from(outboxEmails), sends: await db.select().from(newsletterSends) };
}

describe("the Resend webhook", () => {
  it("answers 400 to a wrong signature, and changes nothing", async () => {
    const reader = await subscriberWithMail();
    const before = await snapshot();
    const forged = signed(event("email.bounced", reader.providerId, reader.email), { key: randomBytes(24) });
    const response = await deliver(forged);
    expect(response.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["an altered body", (call: ReturnType<typeof signed>) => ({ ...call, body: call.body.replace("delivered", "bounced") })],
    ["no signature", (call: ReturnType<typeof signed>) => ({ ...call, headers: { "svix-id": call.headers["svix-id"], "svix-timestamp": call.headers["svix-timestamp"] } })],
    ["an old timestamp", () => signed({ type: "email.bounced" }, { timestamp: Math.floor(Date.now() / 1000) - 3600 })],
  ])("answers 400 to %s", async (_label, tamper) => {
    const reader = await subscriberWithMail();
    const before = await snapshot();
    const response = await deliver(tamper(signed(event("email.delivered", reader.providerId, reader.email))) as ReturnType<typeof signed>);
    expect(response.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a chunked 3 MB body with 413, having read no more than its cap", async () => {
    const call = signed({ type: "email.delivered" });
    const { stream, pulled } = chunkedBody(THREE_MEGABYTES_OF_CHUNKS);
    const response = await POST(streamingPost("http://localhost:3000/api/webhooks/resend", stream, call.headers));
    expect(response.status).toBe(413);
    expect(pulled.chunks).toBeLessThanOrEqual(3);
  });

  it.each([
    ["missing", {}],
    ["malformed", { "svix-id": "msg x", "svix-timestamp": "soon", "svix-signature": "v1,not base64!" }],
    ["too old", { "svix-id": "msg_1", "svix-timestamp": String(Math.floor(Date.now() / 1000) - 3600), "svix-signature": "v1,AAAA" }],
  ])("refuses %s signature headers before reading a byte of the body", async (_label, headers: Record<string, string>) => {
    const { stream, pulled } = chunkedBody(THREE_MEGABYTES_OF_CHUNKS);
    const response = await POST(streamingPost("http://localhost:3000/api/webhooks/resend", stream, headers));
    expect(response.status).toBe(400);
    expect(pulled.chunks).toBeLessThanOrEqual(1);
  });

  it("refuses everything while no secret is configured", async () => {
    delete process.env.RESEND_WEBHOOK_SECRET;
    resetEnvForTests();
    try {
      const reader = await subscriberWithMail();
      expect((await deliver(signed(event("email.bounced", reader.providerId, reader.email)))).status).toBe(400);
      expect((await snapshot()).subscribers[0]!.suppressedAt).toBeNull();
    } finally {
      process.env.RESEND_WEBHOOK_SECRET = SECRET;
      resetEnvForTests();
    }
  });

  it("suppresses the address on a bounce, records it on the email, and cancels newsletter mail still queued", async () => {
    const reader = await subscriberWithMail("Bounce.Me@example.com".toLowerCase());
    const response = await deliver(signed(event("email.bounced", reader.providerId, "Bounce.Me@Example.com")));
    expect(response.status).toBe(200);
    const db = await getDb();
    const [row] = await db.select().from(subscribers).where(eq(subscribers.id, reader.id));
    expect(row).toMatchObject({ suppressionReason: "bounced", suppressedAt: new Date("2026-11-20T10:00:00.000Z"), status: "confirmed" });
    const [sent] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, reader.sentId));
    expect(sent).toMatchObject({ deliveryStatus: "bounced", deliveryUpdatedAt: new Date("2026-11-20T10:00:00.000Z") });
    const [queued] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, reader.queuedId));
    expect(queued!.status).toBe("cancelled");
  });

  it("suppresses the address on a complaint", async () => {
    const reader = await subscriberWithMail();
    expect((await deliver(signed(event("email.complained", reader.broadcastId, reader.email)))).status).toBe(200);
    const db = await getDb();
    const [row] = await db.select().from(subscribers).where(eq(subscribers.id, reader.id));
    expect(row!.suppressionReason).toBe("complained");
    const [send] = await db.select().from(newsletterSends).where(eq(newsletterSends.subscriberId, reader.id));
    expect(send!.deliveryStatus).toBe("complained");
  });

  it("records a delivery on the outbox email and the newsletter send, and a late delivery never hides a bounce", async () => {
    const reader = await subscriberWithMail();
    await deliver(signed(event("email.delivered", reader.providerId, reader.email)));
    await deliver(signed(event("email.delivered", reader.broadcastId, reader.email)));
    const db = await getDb();
    expect((await db.select().from(outboxEmails).where(eq(outboxEmails.id, reader.sentId)))[0]!.deliveryStatus).toBe("delivered");
    expect((await db.select().from(newsletterSends))[0]!.deliveryStatus).toBe("delivered");
    expect((await db.select().from(subscribers))[0]!.suppressedAt).toBeNull();

    await deliver(signed(event("email.bounced", reader.providerId, reader.email)));
    await deliver(signed(event("email.delivered", reader.providerId, reader.email)));
    expect((await db.select().from(outboxEmails).where(eq(outboxEmails.id, reader.sentId)))[0]!.deliveryStatus).toBe("bounced");
  });

  it("counts each recipient's delivery, bounce and complaint on the issue's progress", async () => {
    const readers = [await subscriberWithMail(), await subscriberWithMail(), await subscriberWithMail()];
    const db = await getDb();
    // One issue for the three, as a broadcast makes it.
    const [issue] = await db.insert(newsletterIssues).values({ subject: "S", body: "B", createdBy: "maya@stillwater.example", status: "sent", recipientCount: 3 }).returning();
    for (const reader of readers) await db.update(newsletterSends).set({ issueId: issue!.id }).where(eq(newsletterSends.providerId, reader.broadcastId));
    await deliver(signed(event("email.delivered", readers[0]!.broadcastId, readers[0]!.email)));
    await deliver(signed(event("email.delivered", readers[1]!.broadcastId, readers[1]!.email)));
    await deliver(signed(event("email.bounced", readers[1]!.broadcastId, readers[1]!.email)));
    await deliver(signed(event("email.complained", readers[2]!.broadcastId, readers[2]!.email)));
    expect(await broadcastProgress(therapistForTests(), issue!.id)).toMatchObject({ sent: 3, delivered: 1, bounced: 1, complained: 1, delayed: 0 });
  });

  it("records nothing for opens and clicks", async () => {
    const reader = await subscriberWithMail();
    const before = await snapshot();
    for (const type of ["email.opened", "email.clicked"]) expect((await deliver(signed(event(type, reader.providerId, reader.email)))).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  });
});
