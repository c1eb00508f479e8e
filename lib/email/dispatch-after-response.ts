import "server-only";
import { after } from "next/server";
import { logError } from "@/lib/errors";
import { kickDispatcher } from "./dispatcher";

/**
 * Delivers what a request just queued once its response has gone out, so the
 * visitor never waits on Resend. A failure here loses nothing: the rows stay
 * due and the sweep delivers them.
 */
export function dispatchAfterResponse(): void {
  after(() => kickDispatcher().catch((error: unknown) => logError("outbox: dispatch after response failed", error)));
}
