// The measured half of bench/waitlist.mjs: fills a fresh PostgreSQL database
// with waiting people (varied wishes and zones, only the last in line fitting),
// frees one time, and times finding the first in line it fits (the sweep's
// query, lib/waitlist/line.ts) and the whole offer the sweep makes. Prints
// one JSON line. Run by bench/waitlist.mjs, which supplies the database.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { waitlistEntries, weeklyHours } from "@/db/schema";
import { ensureAvailabilitySeeded } from "@/lib/booking/availability";
import { firstInLine } from "@/lib/waitlist/line";
import { makeOffer } from "@/lib/waitlist/offers";

const count = Number(process.env.BENCH_WAITING ?? 5_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 50);
const zones = ["America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "Europe/London"];

const db = await getDb();
await ensureAvailabilitySeeded(db);
// One free intake time a week: Wednesday noon in Portland.
await db.delete(weeklyHours);
await db.insert(weeklyHours).values({ weekday: 3, startMinute: 12 * 60, endMinute: 12 * 60 + 50 });

const now = new Date();
const freed = new Date(now.getTime() + 10 * 24 * 60 * 60 * 1000);
const day = freed.toISOString().slice(0, 10);
let lastId = "";
const seedStarted = performance.now();
for (let start = 0; start < count; start += 1000) {
  const rows = Array.from({ length: Math.min(1000, count - start) }, (_, index) => {
    const n = start + index;
    const last = n === count - 1;
    const id = randomUUID();
    if (last) lastId = id;
    return {
      id,
      status: "waiting" as const,
      sessionType: "intake",
      format: "telehealth" as const,
      location: "OR",
      timeZone: zones[n % zones.length]!,
      // Everyone but the last wants days or parts of the day that the freed time is not.
      days: last ? 127 : n % 2 === 0 ? 0b0000010 : 127,
      parts: last ? 7 : n % 2 === 0 ? 7 : 0b001,
      earliest: day,
      latest: null,
      name: `Waiting ${n}`,
      email: `waiting.${n}@example.com`,
      consentNoticeVersion: "bench",
      consentedAt: now,
      formKeyHash: `bench-${id}`,
      tokenHash: `bench-token-${id}`,
      confirmedAt: now,
      expiresAt: new Date(now.getTime() + 60 * 24 * 60 * 60 * 1000),
    };
  });
  await db.insert(waitlistEntries).values(rows);
}
const seedMs = performance.now() - seedStarted;
await db.execute(sql`analyze waitlist_entry`);

// The freed time as the sweep sees it: the first Wednesday-noon start after `freed`.
const { findFreeSlots } = await import("@/lib/booking/availability");
const { findSessionType } = await import("@/lib/booking/session-types");
const slot = (await findFreeSlots(findSessionType("intake")!, { now, from: freed }))[0]!;

const timings: number[] = [];
let match;
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  [match] = await firstInLine(db, "intake", [slot.startsAt], now);
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
const offerStarted = performance.now();
const outcome = await makeOffer({ entryId: match!.entryId, startsAt: slot.startsAt, now });
const offerMs = performance.now() - offerStarted;
await closeDb();

const quantile = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;
console.info(
  JSON.stringify({
    waiting: count,
    seedMs: Math.round(seedMs),
    matchedLast: match?.entryId === lastId,
    medianMs: Number(quantile(0.5).toFixed(2)),
    p95Ms: Number(quantile(0.95).toFixed(2)),
    maxMs: Number(timings.at(-1)!.toFixed(2)),
    offer: outcome,
    offerMs: Number(offerMs.toFixed(1)),
  }),
);
