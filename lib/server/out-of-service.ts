/**
 * Whether this server has stepped aside: a newer release has migrated the
 * database past the migrations this build ships (lib/health.ts watches), so
 * this is the old server of a rolling upgrade. It then answers every request
 * 503 before doing any work (proxy.ts, the webhook), which nginx takes as
 * "try the other server" (deploy/nginx/attune.conf), and its sweeps stop.
 *
 * No database import here: proxy.ts reads it on every request. The state is
 * one per process on globalThis, since Next bundles the proxy, the
 * instrumentation and each route into chunks of their own.
 */
const globalForService = globalThis as typeof globalThis & { __attuneSchemaAhead?: boolean };

export function outOfService(): boolean {
  return globalForService.__attuneSchemaAhead === true;
}

export function markSchemaAhead(ahead: boolean) {
  if (ahead && !outOfService()) console.info("The database holds migrations this build does not: a newer release runs. Out of service (503) until this server is upgraded.");
  if (!ahead && outOfService()) console.info("The database matches this build's migrations again: back in service.");
  globalForService.__attuneSchemaAhead = ahead;
}

/** Seconds a client (or nginx) is told to wait before asking this server again. */
export const OUT_OF_SERVICE_RETRY_SECONDS = 5;
