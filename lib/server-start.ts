import "server-only";
import { getDb } from "@/db/client";
// Registers what booking emails are rendered with (links, formatted times, the
// calendar file) before any request can send or show one.
import "@/lib/booking/booking-emails";
import { env } from "@/lib/env";
import { logError } from "@/lib/errors";
import { runSweep } from "@/lib/maintenance/sweep";
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

  try {
    await getDb();
  } catch (error) {
    // Keep serving: pages that need the database show a clear error page and
    // the connection is retried on the next request.
    logError("Database unavailable at start", error);
  }

  installShutdownHandler();

  const seconds = env().OUTBOX_SWEEP_INTERVAL_SECONDS;
  if (seconds > 0 && !globalForSweep.__attuneSweep) {
    let running = false;
    globalForSweep.__attuneSweep = setInterval(() => {
      if (running || shuttingDown()) return;
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
