// The home page and contact submissions under 20 concurrent clients, against
// `next start`, on the embedded PGlite and on PostgreSQL side by side.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { startFakeResend } from "../e2e/fixtures/fake-resend.mjs";
import { createLocalDatabase, ensureBuild, measure, startApp, table } from "./lib.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 20;

/** The hidden fields React renders into a form whose action is a server action. */
async function contactFormFields(url) {
  const html = await (await fetch(`${url}/contact`)).text();
  const fields = {};
  for (const match of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(match[0])?.[1];
    const value = /value="([^"]*)"/.exec(match[0])?.[1] ?? "";
    if (name) fields[name.replaceAll("&amp;", "&")] = value.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  }
  return fields;
}

async function benchEngine(label, env, port, resendUrl) {
  const app = await startApp({
    port,
    env: {
      ...env,
      APP_URL: `http://localhost:${port}`,
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: resendUrl,
      CRON_SECRET: "bench-cron-secret-long-enough-0000000",
      RATE_LIMIT_SALT: "bench-salt",
    },
  });
  try {
    const home = await measure({
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      request: async () => (await fetch(`${app.url}/`)).ok,
    });
    const hidden = await contactFormFields(app.url);
    const contact = await measure({
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      request: async (worker, n) => {
        const form = new FormData();
        for (const [name, value] of Object.entries(hidden)) form.append(name, value);
        form.set("formKey", randomUUID());
        form.append("name", "Bench Visitor");
        form.append("email", `bench.${worker}.${n}.${Date.now()}@example.com`);
        form.append("preferredContact", "email");
        form.append("message", "A benchmark message.");
        form.append("consent", "yes");
        form.append("website", "");
        const response = await fetch(`${app.url}/contact`, {
          method: "POST",
          body: form,
          // Every submission from its own address, so the per-IP limit measures nothing.
          headers: { "x-forwarded-for": `2001:db8:${worker.toString(16)}::${n.toString(16)}`, origin: app.url },
        });
        return response.ok && (await response.text()).includes("your message has been sent");
      },
    });
    return { label, home, contact };
  } finally {
    await app.stop();
  }
}

export async function runHttpBench() {
  ensureBuild();
  const fake = await startFakeResend();
  const results = [];
  try {
    rmSync(".data/bench-pglite", { recursive: true, force: true });
    results.push(await benchEngine("PGlite", { PGLITE_DIR: ".data/bench-pglite", DATABASE_URL: "" }, 3900, fake.url));
    const databaseUrl = createLocalDatabase("attune_bench");
    if (databaseUrl) results.push(await benchEngine("PostgreSQL", { DATABASE_URL: databaseUrl }, 3901, fake.url));
    else console.info("No local PostgreSQL (set BENCH_DATABASE_URL): PostgreSQL column skipped.");
  } finally {
    await fake.close();
  }

  const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
  const rows = [];
  for (const [name, key] of [["GET / (home)", "home"], ["POST /contact", "contact"]]) {
    for (const result of results) {
      const m = result[key];
      rows.push({ request: name, engine: result.label, "req/s": fmt(m.rps), "p50 ms": fmt(m.p50), "p95 ms": fmt(m.p95), ok: m.ok, failed: m.failed });
    }
  }
  console.info(`\nHTTP: ${CONCURRENCY} concurrent clients, ${SECONDS}s each, next start\n`);
  console.info(table(rows, ["request", "engine", "req/s", "p50 ms", "p95 ms", "ok", "failed"]));
  if (results.length === 2) {
    const [pglite, postgres] = results;
    console.info(
      `\nPostgreSQL ÷ PGlite throughput: home ${fmt(postgres.home.rps / pglite.home.rps, 2)}×, contact ${fmt(postgres.contact.rps / pglite.contact.rps, 2)}×`,
    );
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await runHttpBench();
