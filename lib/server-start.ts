import "server-only";
import { getDb, prepareDatabase } from "@/db/client";
// Registers what booking emails are rendered with (links, formatted times, the
// calendar file) before any request can send or show one.
import "@/lib/booking/booking-emails";
import "@/lib/waitlist/waitlist-emails";
import { env } from "@/lib/env";
import { logError } from "@/lib/errors";
import { watchMigrations } from "@/lib/health";
import { runSweep } from "@/lib/maintenance/sweep";
import { reapplyErasures } from "@/lib/privacy/erasure-ledger";
import { outOfService } from "@/lib/server/out-of-service";
import { holdShutdownFor, installShutdownHandler, onShutdown, shuttingDown } from "@/lib/server/shutdown";

const globalForSweep = globalThis as typeof globalThis & { __attuneSweep?: NodeJS.Timeout };

export async function startServer() {
  try {
    env();
    // Importing the practice validates content/practice.ts.
    await import("@/lib/practice/practice");
  } catch (error) {
    console.error(`\nAttune cannot start.\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }

  const prepared = prepareDatabase(async () => {
    try {
      await getDb();
      if (env().SEED_DEMO) {
        // In this process rather than a separate `npm run db:seed` before it: the embedded database is opened and migrated once.
        const { seedDemo } = await import("@/lib/demo/seed-demo");
        const { messages, week } = await seedDemo();
        if (messages > 0 || week) console.info(`Seeded the demo practice: ${messages} message(s)${week ? ", the booking week" : ""}.`);
      }
      // After a restore from backup, whoever was erased since that backup is erased again before anyone is served.
      const { people } = await reapplyErasures();
      if (people > 0) console.info(`Erased again ${people} person(s) on the list of erasures (a restored backup held them).`);
    } catch (error) {
      // Keep serving: pages that need the database show a clear error page and
      // the connection is retried on the next request.
      logError("Database unavailable at start", error);
    }
  });
  // `next dev` compiles the first page only once this function returns, and
  // creating the embedded database on a fresh clone takes longer than that
  // compile (README, "The two commands"): both run at once, and a request
  // that needs the database waits for it in getDb(). `next start` has nothing
  // to compile, so it takes no request before the database is ready.
  if (env().NODE_ENV !== "development") await prepared;

  installShutdownHandler();
  onShutdown(watchMigrations());

  const seconds = env().OUTBOX_SWEEP_INTERVAL_SECONDS;
  if (seconds > 0 && !globalForSweep.__attuneSweep) {
    let running = false;
    globalForSweep.__attuneSweep = setInterval(() => {
      // Out of service, the newer release's servers sweep.
      if (running || shuttingDown() || outOfService()) return;
      running = true;
      holdShutdownFor(() => runSweep())
        .catch((error: unknown) => logError("Sweep failed", error))
        .finally(() => {
          running = false;
        });
    }, seconds * 1000);
    globalForSweep.__attuneSweep.unref();
    onShutdown(() => clearInterval(globalForSweep.__attuneSweep));
  }
}
