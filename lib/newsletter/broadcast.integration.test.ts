import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { newsletterIssues, newsletterSends, outboxEmails, subscribers } from "@/db/schema";
import { withFakeResend } from "@/lib/testing/fake-resend";
import { emailTransport, type EmailTransport } from "@/lib/email/transport";
import { broadcastProgress, startBroadcast } from "./broadcast";
import { resumeBroadcasts, runBroadcast } from "./broadcast-delivery";
import { createIssue, draftPostAnnouncement, issueHistory, previewIssue, sendTestIssue, updateIssue } from "./issues";
import { tokenHash, unsubscribeToken } from "./links";
import { unsubscribe } from "./unsubscribe";
import { therapistForTests } from "@/lib/testing/therapist";

const fake = withFakeResend({ EMAIL_SEND_TIMEOUT_MS: "2000" });
const therapist = therapistForTests();

type Status = "confirmed" | "pending" | "unsubscribed" | "suppressed";

/** Inserts subscribers straight into the table, as a list that has grown over time would be. */
async function seed(counts: Partial<Record<Status, number>>) {
  const db = await getDb();
  const rows = Object.entries(counts).flatMap(([status, n]) =>
    Array.from({ length: n }, (_, index) => {
      const id = randomUUID();
      return {
        id,
        email: `${status}.${index}.${id.slice(0, 6)}@example.com`,
        status: status === "suppressed" ? ("confirmed" as const) : (status as "confirmed" | "pending" | "unsubscribed"),
        suppressedAt: status === "suppressed" ? new Date() : null,
        suppressionReason: status === "suppressed" ? ("bounced" as const) : null,
        source: "footer",
        consentNoticeVersion: "2026-11-01",
        consentedAt: new Date(),
        confirmedAt: status === "pending" ? null : new Date(),
        unsubscribeTokenHash: tokenHash(unsubscribeToken(id)),
      };
    }),
  );
  for (let start = 0; start < rows.length; start += 500) await db.insert(subscribers).values(rows.slice(start, start + 500));
  return rows;
}

async function draft(subject = "News from the practice", body = "Hello,\n\nA **new** post is up.") {
  return (await createIssue(therapist, { subject, body })).issueId;
}

const deliveredTo = () => fake.emails().flatMap((email) => email.to);
const batchCalls = () => fake.requests().filter((request) => request.path === "/emails/batch");

function expectEachOnce(addresses: string[]) {
  const delivered = deliveredTo();
  expect(delivered).toHaveLength(addresses.length);
  expect(new Set(delivered)).toEqual(new Set(addresses));
}

describe("a broadcast to 1,000 subscribers", () => {
  it("mails every confirmed subscriber exactly once, in at most 10 batch calls, 2 a second, and nobody else", async () => {
    const rows = await seed({ confirmed: 1000, pending: 40, unsubscribed: 40, suppressed: 10 });
    const confirmed = rows.filter((row) => row.status === "confirmed" && !row.suppressedAt).map((row) => row.email);
    const issueId = await draft();

    expect(await startBroadcast(therapist, issueId)).toEqual({ status: "done", recipients: 1000 });
    expect(await broadcastProgress(therapist, issueId)).toMatchObject({ status: "sending", total: 1000, sent: 0, pending: 1000 });
    const run = await runBroadcast(issueId);
    expect(run).toMatchObject({ outcome: "finished", calls: 10, sent: 1000, failed: 0 });

    expectEachOnce(confirmed);
    const calls = batchCalls();
    expect(calls.length).toBeLessThanOrEqual(10);
    expect(calls.every((call) => call.emails <= 100)).toBe(true);
    const starts = calls.map((call) => Date.parse(call.receivedAt));
    for (let i = 2; i < starts.length; i += 1) expect(starts[i]! - starts[i - 2]!).toBeGreaterThanOrEqual(990);

    expect(await broadcastProgress(therapist, issueId)).toMatchObject({ status: "sent", total: 1000, sent: 1000, pending: 0 });
    const [history] = await issueHistory(therapist);
    expect(history).toMatchObject({ id: issueId, status: "sent", recipientCount: 1000, counts: { sent: 1000, failed: 0, pending: 0 } });
  });

  it("gives each recipient their own one-click unsubscribe, a List-Id and a visible unsubscribe link", async () => {
    const rows = await seed({ confirmed: 3 });
    const issueId = await draft();
    await startBroadcast(therapist, issueId);
    await runBroadcast(issueId);
    const emails = fake.emails();
    expect(emails).toHaveLength(3);
    for (const email of emails) {
      const row = rows.find((candidate) => candidate.email === email.to[0])!;
      expect(email.from).toBe("Still Water Therapy <newsletter@stillwater.example>");
      expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(email.headers["List-Id"]).toBe('"Still Water Therapy newsletter" <newsletter.stillwater.example>');
      const token = /^<http:\/\/localhost:3000\/api\/newsletter\/unsubscribe\/([A-Za-z0-9_-]{43})>$/.exec(email.headers["List-Unsubscribe"]!)?.[1];
      expect(token && tokenHash(token)).toBe(row.unsubscribeTokenHash);
      expect(email.html).toContain(`href="http://localhost:3000/newsletter/unsubscribe/${token}"`);
      expect(email.text).toContain(`http://localhost:3000/newsletter/unsubscribe/${token}`);
      expect(email.html).not.toContain("unsubscribe.invalid");
    }
  });

  it("stopped half-way with a call in flight, then resumed, still mails everyone exactly once", async () => {
    const rows = await seed({ confirmed: 1000, pending: 20, unsubscribed: 20 });
    const issueId = await draft();
    await startBroadcast(therapist, issueId);

    // The 6th call hangs; the sender is stopped while waiting for it.
    fake.setMode("hang", 1, 5);
    const stop = new AbortController();
    const stopped = runBroadcast(issueId, { signal: stop.signal });
    await expect.poll(() => fake.requests().length, { timeout: 10_000 }).toBe(6);
    stop.abort();
    expect(await stopped).toMatchObject({ outcome: "stopped", sent: 500 });
    expect(await broadcastProgress(therapist, issueId)).toMatchObject({ status: "sending", sent: 500, pending: 500 });
    expect(deliveredTo()).toHaveLength(500);

    fake.setMode("ok");
    expect(await runBroadcast(issueId)).toMatchObject({ outcome: "finished", sent: 500 });
    expectEachOnce(rows.filter((row) => row.status === "confirmed").map((row) => row.email));
    // The interrupted batch went again under the key it was given before the first try.
    const keys = batchCalls().filter((call) => call.answeredWith === 200).map((call) => call.idempotencyKey);
    expect(new Set(keys).size).toBe(10);
  });

  it("a sender that died after Resend took a batch is replaced, and the batch is not delivered twice", async () => {
    const rows = await seed({ confirmed: 1000 });
    const issueId = await draft();
    await startBroadcast(therapist, issueId);

    // Dies after the 4th batch was accepted, before recording it: a crash.
    let calls = 0;
    const real = emailTransport();
    const dying: EmailTransport = {
      name: "resend",
      send: (email) => real.send(email),
      sendBatch: async (emails, options) => {
        const result = await real.sendBatch(emails, options);
        calls += 1;
        if (calls === 4) throw new Error("process killed");
        return result;
      },
    };
    await expect(runBroadcast(issueId, { transport: dying })).rejects.toThrow("process killed");
    expect(deliveredTo()).toHaveLength(400);
    // A killed process does not release its lease; pretend it still holds it.
    const db = await getDb();
    await db.update(newsletterIssues).set({ runnerLockedUntil: new Date(Date.now() + 60_000) }).where(eq(newsletterIssues.id, issueId));
    expect(await resumeBroadcasts()).toEqual([]);
    expect(await runBroadcast(issueId)).toMatchObject({ outcome: "busy" });

    // Once the lease has run out, the periodic sweep takes over.
    const later = () => new Date(Date.now() + 3 * 60_000);
    const [resumed] = await resumeBroadcasts({ now: later, budgetMs: 25_000 });
    expect(resumed).toMatchObject({ outcome: "finished", sent: 700 });
    expectEachOnce(rows.map((row) => row.email));
    expect(batchCalls().filter((call) => call.answeredWith === 200)).toHaveLength(11);
  });

  it("a lost answer is retried under the same key and delivered once", async () => {
    const rows = await seed({ confirmed: 250 });
    const issueId = await draft();
    await startBroadcast(therapist, issueId);
    fake.setMode("drop", 1, 1);
    expect(await runBroadcast(issueId, { paced: false })).toMatchObject({ outcome: "finished", sent: 250 });
    expectEachOnce(rows.map((row) => row.email));
    expect(batchCalls().some((call) => call.answeredWith === 0)).toBe(true);
  });

  it("waits out a 429's retry-after and carries on", async () => {
    const rows = await seed({ confirmed: 300 });
    const issueId = await draft();
    await startBroadcast(therapist, issueId);
    fake.setLimit(1);
    expect(await runBroadcast(issueId)).toMatchObject({ outcome: "finished", sent: 300 });
    expectEachOnce(rows.map((row) => row.email));
    const calls = batchCalls();
    const limited = calls.findIndex((call) => call.answeredWith === 429);
    expect(limited).toBeGreaterThan(-1);
    expect(Date.parse(calls[limited + 1]!.receivedAt) - Date.parse(calls[limited]!.receivedAt)).toBeGreaterThanOrEqual(990);
  });

  it("skips someone who unsubscribes after the send has started", async () => {
    const rows = await seed({ confirmed: 5 });
    const issueId = await draft();
    await startBroadcast(therapist, issueId);
    await unsubscribe(unsubscribeToken(rows[2]!.id));
    await runBroadcast(issueId);
    expect(new Set(deliveredTo())).toEqual(new Set(rows.filter((_, index) => index !== 2).map((row) => row.email)));
    expect(await broadcastProgress(therapist, issueId)).toMatchObject({ status: "sent", total: 5, sent: 4, skipped: 1 });
  });

  it("marks a batch Resend refuses as failed and sends the rest", async () => {
    await seed({ confirmed: 150 });
    const db = await getDb();
    const issueId = await draft();
    await startBroadcast(therapist, issueId);
    // An address Resend refuses, in the first batch: the whole batch is refused.
    const [firstSend] = await db.select().from(newsletterSends).orderBy(newsletterSends.id).limit(1);
    await db.update(subscribers).set({ email: "broken@@example.com" }).where(eq(subscribers.id, firstSend!.subscriberId));
    const run = await runBroadcast(issueId, { paced: false });
    expect(run).toMatchObject({ outcome: "finished", sent: 50, failed: 100 });
    expect(await broadcastProgress(therapist, issueId)).toMatchObject({ status: "sent", sent: 50, failed: 100 });
  });

  it("sends an issue once: a second start or a second sender changes nothing", async () => {
    await seed({ confirmed: 3 });
    const issueId = await draft();
    await startBroadcast(therapist, issueId);
    expect(await startBroadcast(therapist, issueId)).toMatchObject({ status: "refused", reason: "not-a-draft" });
    expect(await startBroadcast(therapist, randomUUID())).toMatchObject({ status: "refused", reason: "not-found" });
    const results = await Promise.all([runBroadcast(issueId), runBroadcast(issueId)]);
    const outcomes = results.map((result) => result.outcome);
    expect(outcomes.filter((outcome) => outcome === "finished")).toHaveLength(1);
    // The other sender either found the issue held, or already sent.
    expect(["busy", "not-sending"]).toContain(outcomes.find((outcome) => outcome !== "finished"));
    expect(deliveredTo()).toHaveLength(3);
    expect(await updateIssue(therapist, issueId, { subject: "Changed", body: "x" })).toMatchObject({ status: "refused", reason: "not-a-draft" });
    expect(await updateIssue(therapist, "not-an-id", { subject: "Changed", body: "x" })).toMatchObject({ status: "refused", reason: "not-a-draft" });
  });
});

describe("composing an issue", () => {
  it("saves a draft and edits it while it is a draft", async () => {
    const issueId = await draft("First subject");
    expect(await updateIssue(therapist, issueId, { subject: "Second subject", body: "New body" })).toEqual({ status: "done", issueId });
    const db = await getDb();
    const [issue] = await db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
    expect(issue).toMatchObject({ subject: "Second subject", body: "New body", status: "draft", createdBy: therapist.email });
  });

  it("renders Markdown safely: no raw HTML, no script links, no remote images; site links made absolute", async () => {
    const { html, text } = await previewIssue(therapist, {
      subject: "Safety",
      body: 'Hi <script>alert(1)</script> <b onclick="x()">bold</b>\n\n[bad](javascript:alert(1)) [post](/blog/insecure-attachment)\n\n![pixel](https://tracker.example/p.gif)\n\n- one\n- two',
    });
    expect(html).not.toMatch(/<script|onclick|javascript:|tracker\.example/i);
    expect(html).toContain('href="http://localhost:3000/blog/insecure-attachment"');
    expect(html).toContain("<li");
    expect(text).toContain("one");
  });

  it("announces a post from what the blog knows about it", async () => {
    const { issueId } = await draftPostAnnouncement(therapist, {
      title: "Insecure Attachment: What It Is and How It Forms",
      description: "How inconsistent care shapes a bond.",
      path: "/blog/insecure-attachment",
    });
    const db = await getDb();
    const [issue] = await db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
    expect(issue).toMatchObject({ subject: "New post: Insecure Attachment: What It Is and How It Forms", postUrl: "/blog/insecure-attachment", status: "draft" });
    const { html } = await previewIssue(therapist, issue!);
    expect(html).toContain('href="http://localhost:3000/blog/insecure-attachment"');
    expect(html).toContain("Read the post");
  });

  it("sends a test to the therapist through the outbox, and to no subscriber", async () => {
    await seed({ confirmed: 2 });
    const issueId = await draft("Spring letter");
    expect(await sendTestIssue(therapist, issueId)).toEqual({ status: "done" });
    const db = await getDb();
    const queued = await db.select().from(outboxEmails);
    expect(queued.map((row) => [row.recipient, row.template, row.subject])).toEqual([[therapist.email, "newsletter-issue", "[Test] Spring letter"]]);
    expect(queued[0]!.headers).toHaveProperty("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    expect((await db.select().from(newsletterIssues))[0]!.status).toBe("draft");
  });
});
