import "server-only";

/**
 * How long a stopping server waits for the outbox and broadcast work it holds
 * before it exits anyway. Sends in flight are aborted at once (what they held
 * is released or stays keyed for the next sender), so in practice the wait is
 * one database round trip; the cap is for a database that stopped answering.
 * systemd's TimeoutStopSec (deploy/systemd) is set above it.
 */
export const SHUTDOWN_GRACE_MS = 10_000;

type ShutdownState = {
  controller: AbortController;
  work: Set<Promise<unknown>>;
  onStop: (() => void)[];
  installed: boolean;
  draining?: Promise<void>;
};

// Next bundles server code into several chunks (instrumentation, each route),
// each with its own copy of this module; the state must be one per process.
const globalForShutdown = globalThis as typeof globalThis & { __attuneShutdown?: ShutdownState };

function state(): ShutdownState {
  return (globalForShutdown.__attuneShutdown ??= { controller: new AbortController(), work: new Set(), onStop: [], installed: false });
}

/** True once the server was told to stop: claim nothing new. */
export function shuttingDown(): boolean {
  return state().controller.signal.aborted;
}

/** Aborts on SIGTERM/SIGINT; long-running senders pass it down to their network calls. */
export function shutdownSignal(): AbortSignal {
  return state().controller.signal;
}

/** Runs `task` as work the process waits for before it exits. */
export async function holdShutdownFor<T>(task: () => Promise<T>): Promise<T> {
  const { work } = state();
  const running = task();
  work.add(running);
  try {
    return await running;
  } finally {
    work.delete(running);
  }
}

/** Called once when stopping begins (e.g. to clear an interval). */
export function onShutdown(callback: () => void) {
  state().onStop.push(callback);
}

async function drain() {
  const { work } = state();
  const started = Date.now();
  const held = work.size;
  const deadline = started + SHUTDOWN_GRACE_MS;
  // Work that finishes may have started more (a sweep's broadcast); wait again until none is left.
  while (work.size > 0 && Date.now() < deadline) {
    await Promise.race([Promise.allSettled([...work]), new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())))]);
  }
  if (work.size > 0) console.error(`Stopping with ${work.size} outbox or broadcast task(s) unfinished; their claims expire and another server takes them.`);
  else console.info(`Stopped cleanly: ${held} outbox or broadcast task(s) finished or released in ${Date.now() - started} ms.`);
}

type StopOptions = { exit?: (code?: number | string | null) => never };

/**
 * Stops claiming (outbox rows, broadcast batches, sweeps), aborts sends in
 * flight and resolves once what was held is finished or released, or after
 * SHUTDOWN_GRACE_MS. Safe to call more than once.
 */
export function beginShutdown(): Promise<void> {
  const current = state();
  current.draining ??= (() => {
    current.controller.abort();
    for (const callback of current.onStop) callback();
    return drain();
  })();
  return current.draining;
}

/** Tests only: back to a running server. */
export function resetShutdownForTests() {
  globalForShutdown.__attuneShutdown = undefined;
}

/**
 * On SIGTERM or SIGINT: stop claiming outbox rows and broadcast batches, abort
 * sends in flight, wait for what is held to be finished or released, then let
 * the process exit. Next's own handler (start-server) closes the HTTP server,
 * finishing requests in flight, and then calls process.exit; that exit is held
 * here until the drain is over, so neither cuts the other short. With
 * NEXT_MANUAL_SIG_HANDLE set, Next installs no handler and this one exits.
 */
export function installShutdownHandler({ exit = process.exit.bind(process) }: StopOptions = {}) {
  const current = state();
  if (current.installed) return;
  current.installed = true;

  const stop = (signal: NodeJS.Signals) => {
    if (current.draining) return;
    console.info(`${signal}: stopping (outbox and broadcasts released within ${SHUTDOWN_GRACE_MS / 1000} s).`);
    const drained = beginShutdown();
    // A hard cap whatever happens, so a stop never hangs a deploy.
    setTimeout(() => exit(1), SHUTDOWN_GRACE_MS + 5_000).unref();
    process.exit = ((code?: number | string | null) => {
      void drained.finally(() => exit(code ?? 0));
      return undefined as never;
    }) as typeof process.exit;
    if (process.env.NEXT_MANUAL_SIG_HANDLE) void drained.finally(() => exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
