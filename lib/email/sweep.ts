import "server-only";
import { purgeExpiredRecords } from "@/lib/privacy/retention";
import { purgeExpiredRateLimits } from "@/lib/security/rate-limit";
import { drainOutbox, type DispatchSummary } from "./dispatcher";

/**
 * The periodic sweep: delivers due email (retries included), clears old
 * rate-limit counters and applies the retention rule
 * (lib/privacy/retention.ts). Run by the interval in the server
 * (instrumentation.ts) and by the cron route, so it does its work in both
 * places without harm.
 */
export async function runSweep(now = new Date()): Promise<{ outbox: DispatchSummary; purged: Awaited<ReturnType<typeof purgeExpiredRecords>> }> {
  const outbox = await drainOutbox({ now });
  await purgeExpiredRateLimits(now);
  const purged = await purgeExpiredRecords(now);
  return { outbox, purged };
}
