// `npm run bench:newsletter`: one newsletter issue to 10,000 subscribers,
// against the local Resend stand-in limited to 2 requests a second (beyond
// that it answers 429 with retry-after, as Resend does). Prints the calls
// made, the wall time and the peak memory. An in-memory database is used
// whatever DATABASE_URL says, so nothing real is touched. Takes about a minute.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { startFakeResend } from "../e2e/fixtures/fake-resend.mjs";

const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const fake = await startFakeResend({ perSecond: 2 });

const env = { ...process.env, NODE_ENV: "test", NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;
Object.assign(env, {
  PGLITE_DIR: "memory://",
  APP_URL: "https://stillwater.example",
  RESEND_API_KEY: "re_bench",
  RESEND_BASE_URL: fake.url,
  NEWSLETTER_TOKEN_SECRET: "bench-newsletter-token-secret-0000000000",
  RATE_LIMIT_SALT: "bench",
  BENCH_SUBSCRIBERS: String(subscribers),
});

console.info(`Broadcasting to ${subscribers.toLocaleString("en-US")} subscribers against a Resend stand-in allowing 2 requests a second…`);
const started = Date.now();
const child = spawn("npx", ["tsx", "--tsconfig", "bench/tsconfig.json", "bench/newsletter-broadcast.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
let output = "";
child.stdout.on("data", (chunk) => (output += chunk));
// Bounded: the run stops itself at 4 minutes; this is the backstop.
const backstop = setTimeout(() => child.kill("SIGKILL"), 300_000);
const code = await new Promise((resolve) => child.on("close", resolve));
clearTimeout(backstop);
const totalMs = Date.now() - started;

const requests = fake.requests().filter((request) => request.path === "/emails/batch");
const delivered = fake.emails().flatMap((email) => email.to);
await fake.close();

const line = output.trim().split("\n").at(-1) ?? "";
let result;
try {
  result = JSON.parse(line);
} catch {
  console.error(`The broadcast did not finish (exit ${code}).\n${output}`);
  process.exit(1);
}

const figures = {
  subscribers,
  delivered: delivered.length,
  uniqueRecipients: new Set(delivered).size,
  batchCalls: requests.length,
  accepted: requests.filter((request) => request.answeredWith === 200).length,
  rateLimited429: requests.filter((request) => request.answeredWith === 429).length,
  outcome: result.run.outcome,
  broadcastWallSeconds: +(result.wallMs / 1000).toFixed(1),
  emailsPerSecond: +(delivered.length / (result.wallMs / 1000)).toFixed(0),
  seedSeconds: +(result.seedMs / 1000).toFixed(1),
  processSeconds: +(totalMs / 1000).toFixed(1),
  rssBeforeSendMb: result.rssBeforeMb,
  peakRssMb: result.peakRssMb,
  peakHeapMb: result.peakHeapMb,
  maxRssMb: result.maxRssMb,
};
for (const [name, value] of Object.entries(figures)) console.info(`${name.padEnd(22)} ${value}`);
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/newsletter.json", `${JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2)}\n`);
const ok = figures.outcome === "finished" && figures.uniqueRecipients === subscribers && figures.delivered === subscribers;
if (!ok) console.error("Not every subscriber received the issue exactly once.");
process.exit(ok ? 0 : 1);
