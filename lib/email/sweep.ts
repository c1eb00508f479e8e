import "server-only";
import { type BookingSweepSummary, runBookingSweep } from "@/lib/booking/booking-sweep";
import { purgeExpiredRateLimits } from "@/lib/security/rate-limit";
import { drainOutbox, type DispatchSummary } from "./dispatcher";

/**
 * The periodic sweep: lapses unanswered booking requests, queues reminders,
 * purges closed bookings past retention, delivers due email (retries and the
 * emails just queued included) and clears old rate-limit counters. Run by the
 * interval in the server (instrumentation.ts) and by the cron route, so it
 * does its work in both places without harm.
 */
export async function runSweep(now = new Date()): Promise<{ outbox: DispatchSummary; booking: BookingSweepSummary }> {
  const booking = await runBookingSweep(now);
  const outbox = await drainOutbox({ now });
  await purgeExpiredRateLimits(now);
  return { outbox, booking };
}
