// Starts the production build (`next start`) for a benchmark on a free port,
// in its own process group so that stopping it stops every child it spawned.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

/** Ports the blog benchmarks may use on a shared machine. */
export const BENCH_PORTS = [3202, 3203, 3204, 3205, 3206, 3207, 3208, 3209];

function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => server.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
}

export async function freePort(ports = BENCH_PORTS) {
  const wanted = process.env.BENCH_PORT ? [Number(process.env.BENCH_PORT)] : ports;
  for (const port of wanted) if (await isFree(port)) return port;
  throw new Error(`No free port among ${wanted.join(", ")}; set BENCH_PORT.`);
}

/**
 * The environment a production server needs to start. Dummy secrets, an
 * in-memory database and a mail endpoint that goes nowhere: a benchmark never
 * touches real data or sends anything.
 */
export function benchEnv(appUrl) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.POSTS_FIXTURES_DIR;
  return {
    ...env,
    NODE_ENV: "production",
    APP_URL: appUrl,
    PGLITE_DIR: "memory://",
    RESEND_API_KEY: "re_bench_not_a_key",
    RESEND_BASE_URL: "http://127.0.0.1:9",
    CRON_SECRET: "bench-cron-secret-that-is-long-enough-000",
    RATE_LIMIT_SALT: "bench-rate-limit-salt",
    OUTBOX_SWEEP_INTERVAL_SECONDS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** Runs `next build` as the benchmark will serve it: no test fixtures, canonical URLs on the bench port. */
export function buildForBench(appUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["next", "build"], { stdio: ["ignore", "inherit", "inherit"], env: benchEnv(appUrl) });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

/** Starts `next start` and resolves once it answers; `stop()` ends its whole process group. */
export async function startNext(port) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build in .next; run `npx next build` first.");
  const baseUrl = `http://localhost:${port}`;
  const child = spawn("npx", ["next", "start", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: benchEnv(baseUrl),
  });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/privacy`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error("next start did not answer within 60 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, stop };
}

/** Runs `fn` against a server on a free port, started for it unless `--url` names one. */
export async function withServer(fn) {
  const urlFlag = process.argv.indexOf("--url");
  if (urlFlag !== -1) return fn(process.argv[urlFlag + 1].replace(/\/$/, ""));
  const server = await startNext(await freePort());
  const stopOnSignal = () => {
    server.stop();
    process.exit(130);
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    return await fn(server.baseUrl);
  } finally {
    server.stop();
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
  }
}
