// Helpers shared by the benchmarks: start and stop `next start`, measure a
// request loop, summarise latencies. Loopback only; every loop is bounded.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export function ensureBuild() {
  if (existsSync(".next/BUILD_ID") && !process.argv.includes("--build")) return;
  console.info("Building (next build)…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}

/** Starts `next start` in its own process group, so stopping it stops next-server too. */
export async function startApp({ port, env }) {
  const child = spawn("npx", ["next", "start", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start on ${port} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
  };
}

/**
 * Runs `request` from `concurrency` loops for `seconds` (after a short warm-up)
 * and returns throughput and latency percentiles in milliseconds.
 */
export async function measure({ concurrency = 20, seconds = 10, warmupSeconds = 2, request }) {
  const run = async (duration, latencies, counters) => {
    const end = performance.now() + duration * 1000;
    let sequence = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        while (performance.now() < end) {
          const started = performance.now();
          const ok = await request(worker, sequence++).catch(() => false);
          latencies.push(performance.now() - started);
          counters[ok ? "ok" : "failed"] += 1;
        }
      }),
    );
  };
  await run(warmupSeconds, [], { ok: 0, failed: 0 });
  const latencies = [];
  const counters = { ok: 0, failed: 0 };
  const started = performance.now();
  await run(seconds, latencies, counters);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: counters.ok / elapsed, p50: pick(0.5), p95: pick(0.95), ok: counters.ok, failed: counters.failed };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A fresh PostgreSQL database on the local server, or null when there is none. */
export function createLocalDatabase(name) {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return url;
  const psql = (sql) => spawnSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-qc", sql], { encoding: "utf8" });
  const dropped = psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (dropped.status !== 0) return null;
  if (psql(`CREATE DATABASE ${name}`).status !== 0) return null;
  return `postgres://postgres@127.0.0.1:5432/${name}`;
}

export function table(rows, columns) {
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join("  ");
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...rows.map((row) => line(columns.map((c) => row[c])))].join("\n");
}
