// The production build for the blog benchmarks: built without the test
// fixtures, served by `next start` (bench/lib.mjs) on a free port of the
// blog's range, with settings that touch no real data and send nothing.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { startApp } from "./lib.mjs";

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
 * Dummy secrets, an in-memory database and a mail endpoint that goes nowhere.
 * Empty values count as unset, so a DATABASE_URL or fixture folder in the
 * caller's environment is ignored.
 */
export function benchEnv(appUrl) {
  return {
    NODE_ENV: "production",
    APP_URL: appUrl,
    DATABASE_URL: "",
    POSTS_FIXTURES_DIR: "",
    PGLITE_DIR: "memory://",
    RESEND_API_KEY: "re_bench_not_a_key",
    RESEND_BASE_URL: "http://127.0.0.1:9",
    CRON_SECRET: "bench-cron-secret-that-is-long-enough-000",
    RATE_LIMIT_SALT: "bench-rate-limit-salt",
    // Production refuses to start without these; the benchmarks sign nobody in and send no links.
    THERAPIST_EMAILS: "therapist@bench.invalid",
    AUTH_SECRET: "bench-auth-secret-that-is-long-enough-0000",
    BOOKING_LINK_SECRET: "bench-booking-link-secret-long-enough-000",
    NEWSLETTER_TOKEN_SECRET: "bench-newsletter-token-secret-long-enough",
    // The load generator plays the one proxy: its X-Forwarded-For is the client.
    TRUSTED_PROXY_HOPS: "1",
    OUTBOX_SWEEP_INTERVAL_SECONDS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** `next build` as the benchmark serves it: no test fixtures, canonical URLs on the bench port. */
export function buildForBench(appUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["next", "build"], { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...benchEnv(appUrl) } });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

export async function startNext(port) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build in .next; run `npx next build` first.");
  const app = await startApp({ port, env: benchEnv(`http://localhost:${port}`) });
  return { baseUrl: app.url, stop: app.stop };
}

/** Runs `fn` against a server on a free port, started for it unless `--url` names one. */
export async function withServer(fn) {
  const urlFlag = process.argv.indexOf("--url");
  if (urlFlag !== -1) return fn(process.argv[urlFlag + 1].replace(/\/$/, ""));
  const server = await startNext(await freePort());
  const stopOnSignal = () => server.stop().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    return await fn(server.baseUrl);
  } finally {
    await server.stop();
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
  }
}
