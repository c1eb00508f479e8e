import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailAttempts, outboxEmails } from "@/db/schema";
import { sendContactMessage } from "@/lib/contact/send-message";
import { withFakeResend } from "@/lib/testing/fake-resend";
import { dispatchOutbox, drainOutbox, kickDispatcher } from "./dispatcher";
import { enqueueEmail } from "./outbox";
import { NOTICE_WINDOW_MINUTES } from "./therapist-notices";

// Short enough for the hang test, long enough for a loaded CI machine.
const fake = withFakeResend({ EMAIL_SEND_TIMEOUT_MS: "2000" });

const minutes = (n: number, from = new Date()) => new Date(from.getTime() + n * 60_000);

async function sendMessages(n: number) {
  for (let i = 0; i < n; i += 1) {
    const result = await sendContactMessage(
      {
        formKey: randomUUID(),
        name: `Visitor ${i}`,
        email: `visitor${i}@example.com`,
        preferredContact: "email",
        message: "Hello",
        consent: "yes",
      },
      // Each from its own network, so no network's share of the ceiling on first emails applies, and
      // ten minutes apart, so each has the therapist's notice of its own rather than a share of a summary.
      { ip: `192.0.${i + 1}.1`, now: minutes(i * NOTICE_WINDOW_MINUTES) },
    );
    expect(result.status).toBe("success");
  }
}

async function outbox() {
  const db = await getDb();
  return db.select().from(outboxEmails);
}

async function queueOne(to = "someone@example.com") {
  const db = await getDb();
  return db.transaction((tx) => enqueueEmail(tx, { to, template: "contact-acknowledgement", props: {} }));
}

describe("the outbox dispatcher", () => {
  it("delivers through Resend with the row's id as the idempotency key", async () => {
    const id = await queueOne();
    expect(await dispatchOutbox()).toMatchObject({ claimed: 1, sent: 1 });
    const [email] = fake.emails();
    expect(email).toMatchObject({ idempotencyKey: id, to: ["someone@example.com"], subject: "We received your message" });
    expect(email!.from).toMatch(/<hello@stillwater\.example>$/);
    expect(email!.html).toContain("Thank you for writing to");
    expect(email!.text).toContain("Thank you for writing to");
    const [row] = await outbox();
    expect(row).toMatchObject({ status: "sent", attempts: 1, providerId: email!.id, lastError: null });
  });

  it("keeps 20 messages and their emails through an outage, then delivers each exactly once", async () => {
    fake.setMode("fail");
    await sendMessages(20);
    const duringOutage = await drainOutbox();
    expect(duringOutage).toMatchObject({ claimed: 40, sent: 0, retrying: 40 });
    const pending = await outbox();
    expect(pending).toHaveLength(40);
    expect(pending.every((row) => row.status === "pending" && row.attempts === 1 && row.lastError?.includes("Fake outage"))).toBe(true);
    expect(fake.emails()).toHaveLength(0);

    fake.setMode("ok");
    // Nothing is retried before its backoff has passed…
    expect((await drainOutbox()).claimed).toBe(0);
    // …and everything is once it has.
    expect(await drainOutbox({ now: minutes(5) })).toMatchObject({ sent: 40 });
    const keys = fake.emails().map((email) => email.idempotencyKey);
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
    expect((await outbox()).every((row) => row.status === "sent" && row.attempts === 2)).toBe(true);

    // A later sweep finds nothing left to send.
    expect((await drainOutbox({ now: minutes(120) })).claimed).toBe(0);
    expect(fake.emails()).toHaveLength(40);
  });

  it("records every attempt", async () => {
    const id = await queueOne();
    fake.setMode("fail");
    await dispatchOutbox();
    fake.setMode("ok");
    await dispatchOutbox({ now: minutes(5) });
    const db = await getDb();
    const attempts = await db.select().from(emailAttempts).orderBy(emailAttempts.attemptedAt);
    expect(attempts.map((attempt) => [attempt.outboxEmailId, attempt.succeeded, attempt.statusCode])).toEqual([
      [id, false, 500],
      [id, true, 200],
    ]);
  });

  it("waits at least as long as a 429's retry-after", async () => {
    await queueOne();
    fake.setMode("rate-limit", 600);
    const now = new Date();
    await dispatchOutbox({ now });
    const [row] = await outbox();
    expect(row!.status).toBe("pending");
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 600_000);
    fake.setMode("ok");
    expect((await dispatchOutbox({ now: minutes(9, now) })).claimed).toBe(0);
    expect((await dispatchOutbox({ now: minutes(11, now) })).sent).toBe(1);
  });

  it("backs off exponentially and marks the row failed after the last attempt", async () => {
    await queueOne();
    fake.setMode("fail");
    let now = new Date();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      await dispatchOutbox({ now });
      const [row] = await outbox();
      waits.push(Math.round((row!.nextAttemptAt.getTime() - now.getTime()) / 1000));
      now = row!.nextAttemptAt;
    }
    expect(waits.slice(0, 7)).toEqual([30, 60, 120, 240, 480, 960, 1920]);
    const [row] = await outbox();
    expect(row).toMatchObject({ status: "failed", attempts: 8 });
    expect((await dispatchOutbox({ now: minutes(24 * 60) })).claimed).toBe(0);
  });

  it("gives up at once on an error that retrying cannot fix", async () => {
    await queueOne("not-an-address");
    expect(await dispatchOutbox()).toMatchObject({ failed: 1 });
    expect((await outbox())[0]).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("Invalid `to`") });
    expect(fake.emails()).toHaveLength(0);
  });

  it("treats a Resend that hangs as a failed attempt and tries again later", async () => {
    await queueOne();
    fake.setMode("hang");
    const started = Date.now();
    expect(await dispatchOutbox()).toMatchObject({ retrying: 1 });
    expect(Date.now() - started).toBeLessThan(8_000);
    fake.setMode("ok");
    expect(await dispatchOutbox({ now: minutes(5) })).toMatchObject({ sent: 1 });
  });

  it("never lets two dispatchers send the same row", async () => {
    await sendMessages(10);
    const results = await Promise.all([dispatchOutbox({ batchSize: 7 }), dispatchOutbox({ batchSize: 7 }), dispatchOutbox({ batchSize: 7 })]);
    await drainOutbox();
    expect(results.reduce((sum, result) => sum + result.claimed, 0)).toBeLessThanOrEqual(20);
    const requestKeys = fake.requests().map((request) => request.idempotencyKey);
    expect(requestKeys).toHaveLength(20);
    expect(new Set(requestKeys).size).toBe(20);
  });

  it("picks up a row whose dispatcher died mid-send", async () => {
    await queueOne();
    const db = await getDb();
    await db.update(outboxEmails).set({ status: "sending", attempts: 1, lockedUntil: minutes(-1) });
    expect(await dispatchOutbox()).toMatchObject({ sent: 1 });
  });
});

describe("kickDispatcher", () => {
  it("folds a burst of requests into runs that still deliver everything once", async () => {
    await sendMessages(5);
    await Promise.all(Array.from({ length: 10 }, () => kickDispatcher()));
    expect(fake.emails()).toHaveLength(10);
    expect(new Set(fake.requests().map((request) => request.idempotencyKey)).size).toBe(10);
    expect(fake.requests()).toHaveLength(10);
  });
});
