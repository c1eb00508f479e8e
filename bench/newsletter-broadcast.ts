// The measured half of bench/newsletter.mjs: seeds an in-memory database with
// confirmed subscribers and sends one issue to all of them through the real
// broadcast engine. Prints one JSON line. Run by bench/newsletter.mjs, which
// supplies the environment and the local Resend stand-in.
import { randomUUID } from "node:crypto";
import { closeDb, getDb } from "@/db/client";
import { subscribers } from "@/db/schema";
import { startBroadcast } from "@/lib/newsletter/broadcast";
import { runBroadcast } from "@/lib/newsletter/broadcast-delivery";
import { createIssue } from "@/lib/newsletter/issues";
import { tokenHash, unsubscribeToken } from "@/lib/newsletter/links";
import { therapistForTests } from "@/lib/testing/therapist";

const count = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const limitMs = Number(process.env.BENCH_LIMIT_MS ?? 240_000);
const therapist = therapistForTests();

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  peakHeap = Math.max(peakHeap, heapUsed);
};
const sampler = setInterval(sample, 50);

const db = await getDb();
const seedStarted = performance.now();
for (let start = 0; start < count; start += 1000) {
  const rows = Array.from({ length: Math.min(1000, count - start) }, (_, index) => {
    const id = randomUUID();
    return {
      id,
      email: `reader.${start + index}@example.com`,
      status: "confirmed" as const,
      source: "footer",
      consentNoticeVersion: "2026-11-29",
      consentedAt: new Date(),
      confirmedAt: new Date(),
      unsubscribeTokenHash: tokenHash(unsubscribeToken(id)),
    };
  });
  await db.insert(subscribers).values(rows);
}
const seedMs = performance.now() - seedStarted;

const created = await createIssue(therapist, {
  subject: "The next part of the series is here",
  body: "Hello,\n\nA new post on **attachment** is up on the blog.\n\n- what it is\n- why repair matters\n\n[Read it](/blog/insecure-attachment)\n\nWarmly,\nMaya",
});

sample();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const start = await startBroadcast(therapist, created.issueId);
const run = await runBroadcast(created.issueId, { signal: AbortSignal.timeout(limitMs) });
const wallMs = performance.now() - started;
sample();
clearInterval(sampler);
await closeDb();

console.info(
  JSON.stringify({
    subscribers: count,
    recipients: start.status === "done" ? start.recipients : 0,
    run,
    seedMs: Math.round(seedMs),
    wallMs: Math.round(wallMs),
    rssBeforeMb: +(rssBefore / 2 ** 20).toFixed(1),
    peakRssMb: +(peakRss / 2 ** 20).toFixed(1),
    peakHeapMb: +(peakHeap / 2 ** 20).toFixed(1),
    maxRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
  }),
);
