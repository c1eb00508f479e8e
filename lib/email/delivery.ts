import "server-only";
import { after } from "next/server";
import { logError } from "@/lib/errors";
import { kickDispatcher } from "./dispatcher";

/**
 * Arranges delivery of what was just made due (queued, or put back for a
 * retry) once the response has gone out, so the visitor never waits on
 * Resend and no action has to remember to ask. Called by lib/email only,
 * at the moment a row becomes due.
 *
 * Outside a request there is no response to wait for and `after()` throws:
 * the sweep, a script or a test is then the one running, and the sweep (or
 * the cron route) delivers the row. A failure here loses nothing either: the
 * row stays due.
 */
export function deliverAfterResponse(): void {
  try {
    after(() => kickDispatcher().catch((error: unknown) => logError("outbox: delivery after response failed", error)));
  } catch {
    // No request scope: see above.
  }
}
