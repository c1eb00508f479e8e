// `npm run bench:waitlist`: 5,000 people waiting and one freed time, on a
// fresh local PostgreSQL database: how long finding the first in line whose
// wishes fit takes (budget 50 ms), and the whole offer (the held booking,
// the offer row, its email). Only the last in line fits, so the query reads
// the whole line. Needs DATABASE_URL pointing at a local server.
import { spawn } from "node:child_process";
import postgres from "postgres";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.info("Waitlist match: skipped, set DATABASE_URL to a local PostgreSQL server to run it.");
  process.exit(0);
}
const server = new URL(databaseUrl);
if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(server.hostname)) throw new Error("The bench runs against a local PostgreSQL server only.");

const database = `attune_bench_waitlist_${Date.now()}`;
const admin = postgres({
  host: server.hostname,
  port: Number(server.port || 5432),
  username: decodeURIComponent(server.username || "postgres"),
  password: server.password ? decodeURIComponent(server.password) : undefined,
  database: "postgres",
  onnotice: () => {},
});
await admin.unsafe(`create database ${database}`);
const benchUrl = new URL(databaseUrl);
benchUrl.pathname = `/${database}`;
try {
  const env = { ...process.env, NODE_ENV: "test", DATABASE_URL: benchUrl.toString(), APP_URL: "https://stillwater.example", RATE_LIMIT_SALT: "bench", NEXT_TELEMETRY_DISABLED: "1" };
  const child = spawn("npx", ["tsx", "--tsconfig", "bench/tsconfig.json", "bench/waitlist-match.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.on("close", resolve));
  const line = output.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !line.startsWith("{")) throw new Error(`the waitlist bench failed (exit ${code})`);
  const result = JSON.parse(line);
  console.info(`Waitlist: ${result.waiting.toLocaleString("en-US")} waiting (seeded in ${result.seedMs} ms), one freed time, only the last in line fitting`);
  if (!result.matchedLast) throw new Error("the match was not the one person whose wishes fit");
  console.info(`  first in line whose wishes fit: median ${result.medianMs} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms (budget 50 ms)${result.p95Ms > 50 ? "  OVER BUDGET" : ""}`);
  console.info(`  the offer itself (held booking, offer row, email, one transaction): ${result.offerMs} ms, ${result.offer}`);
} finally {
  await admin.unsafe(`drop database if exists ${database} with (force)`);
  await admin.end({ timeout: 5 });
}
