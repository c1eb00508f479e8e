import "server-only";
import { type BookingSweepSummary, runBookingSweep } from "@/lib/booking/booking-sweep";
import { refreshDueBusyCalendars } from "@/lib/booking/busy-calendars/busy-calendars";
import { noticeFailingCalendars } from "@/lib/booking/busy-calendars/failing-notice";
import { drainOutbox, type DispatchSummary } from "@/lib/email/dispatcher";
import { resumeBroadcasts, type RunResult } from "@/lib/newsletter/broadcast-delivery";
import { purgeExpiredLibraryAccess } from "@/lib/newsletter/library";
import { startDueIssues } from "@/lib/newsletter/schedule";
import { queueDueSeriesParts } from "@/lib/newsletter/series";
import { purgeUnconfirmedSubscribers } from "@/lib/newsletter/subscribers";
import { purgeExpiredRecords } from "@/lib/privacy/retention";
import { purgeExpiredRateLimits } from "@/lib/security/rate-limit";
import { runWaitlistSweep, type WaitlistSweepSummary } from "@/lib/waitlist/sweep";

export type SweepResult = {
  outbox: DispatchSummary;
  booking: BookingSweepSummary;
  waitlist: WaitlistSweepSummary;
  purged: Awaited<ReturnType<typeof purgeExpiredRecords>>;
  newsletter: { purgedSignups: number; scheduled: string[]; seriesParts: number; broadcasts: RunResult[] };
  calendars: Awaited<ReturnType<typeof refreshDueBusyCalendars>> & { noticeQueued: boolean };
};

/**
 * The periodic sweep, the work of every capability that runs on a clock:
 * lapses unanswered booking requests and queues reminders, delivers due email
 * (retries and the emails just queued included), clears old rate-limit
 * counters, applies the retention rules (lib/privacy/retention.ts, closed
 * bookings, signups never confirmed, expired library links), and resumes any
 * newsletter whose sender stopped (and starts any scheduled one that is due),
 * for at most `broadcastBudgetMs` so one sweep never runs long, and reads
 * again the therapist's calendars not read for five minutes (each fetch
 * bounded in time, so a slow calendar cannot hold the sweep). Run by the interval in the server
 * (instrumentation.ts) and by the cron route, so it does its work in both
 * places without harm.
 */
export async function runSweep(now = new Date(), { broadcastBudgetMs = 20_000 } = {}): Promise<SweepResult> {
  const booking = await runBookingSweep(now);
  // After lapsed holds are released (freed times), before the outbox is drained (offers go out now).
  const waitlist = await runWaitlistSweep(now);
  // Before the outbox is drained, so a part that fell due goes out in this sweep.
  const seriesParts = await queueDueSeriesParts(now);
  const outbox = await drainOutbox({ now });
  await purgeExpiredRateLimits(now);
  const purged = await purgeExpiredRecords(now);
  const purgedSignups = await purgeUnconfirmedSubscribers(now);
  await purgeExpiredLibraryAccess(now);
  // A scheduled issue whose time has come starts here and is sent by the next step, like one she sent by hand.
  const scheduled = await startDueIssues(now);
  const broadcasts = await resumeBroadcasts({ budgetMs: broadcastBudgetMs });
  const refreshed = await refreshDueBusyCalendars(now);
  // A calendar failing for over an hour: one email a day at most (sent by the next sweep's drain, or the dispatcher).
  const noticeQueued = await noticeFailingCalendars(now);
  return { outbox, booking, waitlist, purged, newsletter: { purgedSignups, scheduled, seriesParts, broadcasts }, calendars: { ...refreshed, noticeQueued } };
}
