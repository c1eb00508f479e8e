import "server-only";
import { type BookingSweepSummary, runBookingSweep } from "@/lib/booking/booking-sweep";
import { purgeExpiredRecords } from "@/lib/privacy/retention";
import { purgeExpiredRateLimits } from "@/lib/security/rate-limit";
import { drainOutbox, type DispatchSummary } from "./dispatcher";

/**
 * The periodic sweep: lapses unanswered booking requests, queues reminders,
 * purges closed bookings past retention, delivers due email (retries and the
 * emails just queued included), clears old rate-limit counters and applies the
 * retention rule (lib/privacy/retention.ts). Run by the interval in the server
 * (instrumentation.ts) and by the cron route, so it does its work in both
 * places without harm.
 */
export async function runSweep(now = new Date()): Promise<{
  outbox: DispatchSummary;
  booking: BookingSweepSummary;
  purged: Awaited<ReturnType<typeof purgeExpiredRecords>>;
}> {
  const booking = await runBookingSweep(now);
  const outbox = await drainOutbox({ now });
  await purgeExpiredRateLimits(now);
  const purged = await purgeExpiredRecords(now);
  return { outbox, booking, purged };
}
