// `npm run bench:booking`: what booking costs.
//
// 1. Slot expansion (pure): a 90-day horizon of the demo week, median time
//    per call over many calls, with no bookings, with a busy calendar, and
//    with the busy times of three of the therapist's own calendars of 2,000
//    events each (budget: 20 ms a call), read from iCalendar text as the
//    sweep reads them (that reading's time is printed too).
// 2. Booking requests under concurrency against `next start` on PostgreSQL:
//    many visitors posting the intake form (as a browser without JavaScript
//    does) for a handful of contested times. Prints requests per second, the
//    latency percentiles and the number of overlapping active bookings left in
//    the database, which must be 0.
//
// Part 2 needs a production build (`npm run build`) and DATABASE_URL pointing
// at a local PostgreSQL server; it creates a throwaway database there and
// drops it afterwards, so no data of yours is touched. Everything runs on
// loopback and is bounded in count and time. Without DATABASE_URL only part 1
// runs.
//
// Knobs: BENCH_REQUESTS (400), BENCH_CONCURRENCY (25), BENCH_SLOTS (20),
// BENCH_APP_PORT (3410), BENCH_RESEND_PORT (3029), BENCH_MAX_SECONDS (120).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { startFakeResend } from "../e2e/fixtures/fake-resend.mjs";
import { decode, hiddenInputs, intakeAnswers } from "../scripts/html-form.mjs";
import { benchEnv } from "./next-server.mjs";
import { expandSlots, heldRange } from "../lib/booking/slots.ts";
import { busyIntervalsFromICalendar } from "../lib/booking/busy-calendars/expand.ts";
import { minutesOfDay, weekdays } from "../lib/practice/practice-schema.ts";
import rawPractice from "../content/practice.ts";

const number = (name, fallback) => Number(process.env[name] ?? fallback);

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// ── 1. Slot expansion ────────────────────────────────────────────────────────
function benchSlotExpansion() {
  const { booking, timeZone } = rawPractice;
  const rules = {
    weekly: weekdays.flatMap((day, index) =>
      booking.weeklyHours[day].map((range) => ({ weekday: index + 1, startMinute: minutesOfDay(range.start), endMinute: minutesOfDay(range.end) })),
    ),
    timeOff: [{ startsOn: "2027-04-12", endsOn: "2027-04-16" }],
    overrides: [{ day: "2027-03-20", ranges: [{ startMinute: 600, endMinute: 780 }] }],
  };
  const intake = { ...booking.sessionTypes.find((type) => type.slug === "intake"), horizonDays: 90 };
  const consultation = { ...booking.sessionTypes.find((type) => type.slug === "consultation"), horizonDays: 90 };
  const now = new Date("2027-03-01T16:00:00Z");

  // A busy practice: one intake time in six held, with its buffers.
  const free = expandSlots({ rules, sessionType: intake, busy: [], now, timeZone });
  const busy = free.filter((_, i) => i % 6 === 0).map((slot) => {
    const held = heldRange(intake, slot.startsAt);
    return { from: held.blockedFrom, until: held.blockedUntil };
  });

  // Three calendars of 2,000 events each over the horizon, as her practice system, Google and Apple would publish them.
  const horizonEnd = new Date(now.getTime() + 91 * 86_400_000);
  const feedReads = [];
  const calendarBusy = [0, 1, 2].flatMap((feed) => {
    const text = busyFeed(feed, 2000, now);
    const started = performance.now();
    const intervals = busyIntervalsFromICalendar(text, { from: now, until: horizonEnd, timeZone });
    feedReads.push(performance.now() - started);
    return intervals.map(({ startsAt, endsAt }) => ({ from: startsAt, until: endsAt }));
  });
  const FEED_LABEL = "intake, 3 calendars × 2,000 events + bookings";

  const results = [];
  for (const [label, sessionType, held] of [
    ["intake (50 min, 30-min grid), empty calendar", intake, []],
    [`intake, ${busy.length} bookings held`, intake, busy],
    ["consultation (15 min, 15-min grid), empty calendar", consultation, []],
    [`consultation, ${busy.length} bookings held`, consultation, busy],
    [FEED_LABEL, intake, [...busy, ...calendarBusy]],
    ["consultation, 3 calendars × 2,000 events + bookings", consultation, [...busy, ...calendarBusy]],
  ]) {
    const run = () => expandSlots({ rules, sessionType, busy: held, now, timeZone });
    for (let i = 0; i < 20; i += 1) run();
    const times = [];
    let slots = 0;
    const deadline = performance.now() + 3000;
    for (let i = 0; i < 500 && performance.now() < deadline; i += 1) {
      const started = performance.now();
      slots = run().length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results.push({ label, calls: times.length, slots, median: percentile(times, 50), p95: percentile(times, 95) });
  }
  console.info("\nSlot expansion, 90-day horizon (America/Los_Angeles)");
  for (const r of results) {
    console.info(`  ${r.label.padEnd(52)} ${String(r.slots).padStart(5)} slots   median ${r.median.toFixed(2)} ms   p95 ${r.p95.toFixed(2)} ms   (${r.calls} calls)`);
  }
  const withFeeds = results.find((r) => r.label === FEED_LABEL);
  console.info(
    `  3 calendars × 2,000 events: median ${withFeeds.median.toFixed(2)} ms a call, ${withFeeds.median < 20 ? "within" : "OVER"} the 20 ms budget; ` +
      `reading each calendar's iCalendar text took ${feedReads.map((ms) => `${ms.toFixed(0)} ms`).join(", ")} (once per fetch, not per call)`,
  );
}

/**
 * One calendar's iCalendar text: `count` events over the 90 days after
 * `now`, 15 to 45 minutes long at any hour, a tenth of them weekly
 * series with an exception, in the practice's zone by TZID, with a title
 * each (which the reader must drop). Seeded, so every run reads the same.
 */
function busyFeed(feed, count, now) {
  let seed = 17 + feed;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const stamp = (date) => date.toISOString().replace(/[-:]/g, "").slice(0, 15);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:-//Attune bench//Calendar ${feed}//EN`];
  for (let i = 0; i < count; i += 1) {
    // Wall-clock times written as if UTC, then labelled with the practice's zone by TZID.
    const day = new Date(now.getTime() + Math.floor(random() * 90) * 86_400_000);
    const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), Math.floor(random() * 24), Math.floor(random() * 4) * 15));
    const end = new Date(start.getTime() + (15 + Math.floor(random() * 3) * 15) * 60_000);
    lines.push("BEGIN:VEVENT", `UID:bench-${feed}-${i}@attune.example`, "DTSTAMP:20270101T000000Z");
    lines.push(`DTSTART;TZID=America/Los_Angeles:${stamp(start)}`, `DTEND;TZID=America/Los_Angeles:${stamp(end)}`);
    if (i % 10 === 0) lines.push("RRULE:FREQ=WEEKLY;COUNT=8", `EXDATE;TZID=America/Los_Angeles:${stamp(new Date(start.getTime() + 14 * 86_400_000))}`);
    lines.push(`SUMMARY:Client ${i}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}

// ── 2. Booking requests against next start on PostgreSQL ────────────────────
async function waitFor(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up in ${seconds}s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function benchBookingRequests(databaseUrl) {
  if (!existsSync(".next/BUILD_ID")) {
    console.info("\nBooking requests: skipped, there is no production build. Run `npm run build` first.");
    return;
  }
  const server = new URL(databaseUrl);
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(server.hostname)) throw new Error("The bench runs against a local PostgreSQL server only.");
  const requests = number("BENCH_REQUESTS", 400);
  const concurrency = number("BENCH_CONCURRENCY", 25);
  const contested = number("BENCH_SLOTS", 20);
  const appPort = number("BENCH_APP_PORT", 3410);
  const maxSeconds = number("BENCH_MAX_SECONDS", 120);

  const database = `attune_bench_${Date.now()}`;
  const admin = postgres({ ...connectionOptions(server), database: "postgres", onnotice: () => {} });
  await admin.unsafe(`create database ${database}`);
  const benchUrl = new URL(databaseUrl);
  benchUrl.pathname = `/${database}`;
  const fake = await startFakeResend({ port: number("BENCH_RESEND_PORT", 3029) });
  const appUrl = `http://localhost:${appPort}`;
  const app = spawn("npx", ["next", "start", "-p", String(appPort)], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    // What production refuses to start without (bench/next-server.mjs), on this PostgreSQL and the local Resend stand-in.
    env: { ...process.env, ...benchEnv(appUrl), DATABASE_URL: benchUrl.toString(), RESEND_BASE_URL: fake.url },
  });
  const db = postgres(benchUrl.toString(), { onnotice: () => {} });
  try {
    await waitFor(`${appUrl}/book`, 60);

    // The contested times: the first free intake times of the first days, as /book offers them.
    // Where the visitor will be is asked first, then the month's days are links.
    const book = await (await fetch(`${appUrl}/book?where=OR&type=intake&tz=UTC`)).text();
    const days = [...book.matchAll(/href="(\/book\?[^"#]*day=[^"#]*)/g)].map((match) => decode(match[1]));
    const starts = [];
    for (const day of days) {
      if (starts.length >= contested * 3) break;
      const page = await (await fetch(`${appUrl}${day}`)).text();
      for (const match of page.matchAll(/href="\/book\/request\?([^"]*)"/g)) starts.push(new URLSearchParams(decode(match[1])).get("start"));
    }
    // Every third time, so that no two contested times overlap each other with their buffers.
    const pool = starts.filter((_, i) => i % 3 === 0).slice(0, contested);
    const formPath = `/book/request?${new URLSearchParams({ type: "intake", start: pool[0], tz: "UTC", where: "OR" })}`;
    const base = hiddenInputs(await (await fetch(`${appUrl}${formPath}`)).text(), "startsAt");
    if (!Object.keys(base).some((name) => name.startsWith("$ACTION"))) throw new Error("The form page carries no server action fields.");

    const latencies = [];
    const outcomes = { held: 0, taken: 0, refusedOtherwise: 0, errors: 0 };
    let next = 0;
    const deadline = Date.now() + maxSeconds * 1000;
    const started = performance.now();
    async function visitor() {
      while (next < requests && Date.now() < deadline) {
        const i = next++;
        const startsAt = pool[i % pool.length];
        const form = new FormData();
        for (const [name, value] of Object.entries({
          ...base,
          startsAt,
          formKey: randomUUID(),
          ...intakeAnswers({ name: `Bench ${i}`, email: `bench.${i}.${randomUUID().slice(0, 8)}@example.com` }),
        })) form.append(name, value);
        const t0 = performance.now();
        try {
          const response = await fetch(`${appUrl}${formPath}`, {
            method: "POST",
            body: form,
            redirect: "manual",
            // As a browser posts it: its own origin, and (through the proxy) its own address.
            headers: { origin: appUrl, "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
          });
          const body = await response.text();
          latencies.push(performance.now() - t0);
          // Held until the visitor confirms from the email: the answer is the "check your email" page.
          if (response.status === 303 && /\/book\/check-your-email/.test(response.headers.get("location") ?? "")) outcomes.held += 1;
          else if (response.status === 200 && body.includes("That time was just taken")) outcomes.taken += 1;
          else if (response.status < 500) outcomes.refusedOtherwise += 1;
          else outcomes.errors += 1;
        } catch {
          latencies.push(performance.now() - t0);
          outcomes.errors += 1;
        }
      }
    }
    await Promise.all(Array.from({ length: concurrency }, visitor));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);

    const [{ overlapping }] = await db`
      select count(*)::int as overlapping
      from booking a join booking b on a.id < b.id
      where a.status in ('requested', 'confirmed') and b.status in ('requested', 'confirmed')
        and tstzrange(a.blocked_from, a.blocked_until, '[)') && tstzrange(b.blocked_from, b.blocked_until, '[)')`;
    const [{ active }] = await db`select count(*)::int as active from booking where status in ('requested', 'confirmed')`;

    console.info(`\nBooking requests against next start on PostgreSQL (${latencies.length} requests, ${concurrency} at a time, ${pool.length} contested times)`);
    console.info(`  throughput            ${(latencies.length / seconds).toFixed(1)} requests/s over ${seconds.toFixed(1)} s`);
    console.info(`  latency               p50 ${percentile(latencies, 50).toFixed(0)} ms   p95 ${percentile(latencies, 95).toFixed(0)} ms   p99 ${percentile(latencies, 99).toFixed(0)} ms   max ${latencies.at(-1).toFixed(0)} ms`);
    console.info(`  outcomes              ${outcomes.held} held a time, ${outcomes.taken} told "just taken", ${outcomes.refusedOtherwise} refused otherwise, ${outcomes.errors} errors`);
    console.info(`  active bookings       ${active} (at most one per contested time: ${pool.length})`);
    console.info(`  overlapping bookings  ${overlapping}${overlapping === 0 ? "" : "   ← MUST BE 0"}`);
    if (overlapping !== 0 || outcomes.errors !== 0) process.exitCode = 1;
  } finally {
    await db.end({ timeout: 5 });
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await fake.close();
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.end({ timeout: 5 });
  }
}

function connectionOptions(url) {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username || "postgres"),
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

benchSlotExpansion();
if (process.env.DATABASE_URL) await benchBookingRequests(process.env.DATABASE_URL);
else console.info("\nBooking requests: skipped, set DATABASE_URL to a local PostgreSQL server to run them.");
