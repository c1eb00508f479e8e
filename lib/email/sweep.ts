import "server-only";
import { purgeExpiredRateLimits } from "@/lib/security/rate-limit";
import { drainOutbox, type DispatchSummary } from "./dispatcher";

/**
 * The periodic sweep: delivers due email (retries included) and clears old
 * rate-limit counters. Run by the interval in the server (instrumentation.ts)
 * and by the cron route, so it does its work in both places without harm.
 */
export async function runSweep(now = new Date()): Promise<{ outbox: DispatchSummary }> {
  const outbox = await drainOutbox({ now });
  await purgeExpiredRateLimits(now);
  return { outbox };
}
