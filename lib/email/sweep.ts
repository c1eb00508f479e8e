import "server-only";
import { purgeExpiredRateLimits } from "@/lib/security/rate-limit";
import { resumeBroadcasts, type RunResult } from "@/lib/newsletter/broadcast";
import { purgeExpiredLibraryAccess } from "@/lib/newsletter/library";
import { purgeUnconfirmedSubscribers } from "@/lib/newsletter/subscribers";
import { drainOutbox, type DispatchSummary } from "./dispatcher";

export type SweepResult = { outbox: DispatchSummary; newsletter: { purgedSignups: number; broadcasts: RunResult[] } };

/**
 * The periodic sweep: delivers due email (retries included), clears old
 * rate-limit counters, purges signups never confirmed and expired library
 * links, and resumes any newsletter whose sender stopped, for at most
 * `broadcastBudgetMs` so one sweep never runs long. Run by the interval in the
 * server (instrumentation.ts) and by the cron route, so it does its work in
 * both places without harm.
 */
export async function runSweep(now = new Date(), { broadcastBudgetMs = 20_000 } = {}): Promise<SweepResult> {
  const outbox = await drainOutbox({ now });
  await purgeExpiredRateLimits(now);
  const purgedSignups = await purgeUnconfirmedSubscribers(now);
  await purgeExpiredLibraryAccess(now);
  const broadcasts = await resumeBroadcasts({ budgetMs: broadcastBudgetMs });
  return { outbox, newsletter: { purgedSignups, broadcasts } };
}
