// `npm run test:topology`: production as it runs, on real parts. nginx with
// the shipped site config (deploy/nginx/attune.conf, only its ports and paths
// rewritten), two `next start` servers from the production build in .next,
// one fresh PostgreSQL database, and the local Resend stand-in behind a relay
// that tells which server sent what. Then: a session made on one server used
// on the other, contested bookings, contact email through a Resend outage,
// the shared rate limit, what nginx caches, the cron route, and a broadcast
// whose sender is killed (SIGKILL) and one whose sender is stopped (SIGTERM).
// Then the night's backup (deploy/backup/attune-backup) taken mid-broadcast
// with email waiting, a person erased after it, and the dump restored
// (deploy/backup/attune-restore) into a fresh database with a third server on it.
// Then an upgrade under load: each server in turn stopped and started from a
// new release with an additive migration, the old one stepping aside.
// Last, on a PostgreSQL cluster of its own, PostgreSQL stopped and started
// again while two more servers take pages and form posts.
//
// Everything listens on loopback, ports 3320–3330; every load is bounded and
// the whole run is capped at TOPOLOGY_MAX_SECONDS (600). Ends with one line,
// "N passed, N failed", and exits non-zero on any failure.
import { spawn, spawnSync } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request as httpRequest, createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startFakeResend } from "../e2e/fixtures/fake-resend.mjs";
import { findNginx } from "./find-nginx.mjs";
import { decode, hiddenInputs, intakeAnswers } from "./html-form.mjs";
import { startLocalNginx } from "./nginx-local.mjs";
import { findPostgresBin, startPrivatePostgres } from "./private-postgres.mjs";

const NGINX_PORT = 3320;
const PORTS = { A: 3321, B: 3322, C: 3325, D: 3326, E: 3327 };
const RESEND_PORT = 3323;
const RELAY_PORT = 3324;
const MAX_SECONDS = Number(process.env.TOPOLOGY_MAX_SECONDS ?? 600);
const SWEEP_SECONDS = 2;
const THERAPIST = "therapist@topology.example";
const CRON_SECRET = "topology-cron-secret-that-is-long-enough-0000";
const BOOKING_LINK_SECRET = "topology-booking-link-secret-long-enough-0000";
const PUBLIC_URL = `http://localhost:${NGINX_PORT}`;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

const results = { passed: 0, failed: 0 };
// Run in reverse on the way out, also by the watchdog: servers, nginx, the database.
const cleanups = [];
let runDatabaseUrl = "";
let erasuresFile = "";
async function cleanUp() {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    await Promise.race([Promise.resolve().then(cleanup), sleep(20_000)]).catch((error) => console.error(`cleanup: ${error.message}`));
  }
}
const started = Date.now();
function check(name, ok, detail = "") {
  results[ok ? "passed" : "failed"] += 1;
  console.info(`${ok ? "✓" : "✗"} ${name}${detail ? ` (${detail})` : ""}`);
  return ok;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);


// ── HTTP on loopback, from a chosen source address ───────────────────────────
// nginx sees each simulated visitor at its own 127.x.y.z (all of 127/8 is
// loopback), so the per-IP limits count visitors, as in production.

/** @returns {Promise<{ status: number, headers: import("node:http").IncomingHttpHeaders, body: string }>} */
async function http(port, pathname, { method = "GET", headers = {}, body, from, timeoutMs = 30_000 } = {}) {
  let payload;
  let contentType;
  if (body instanceof FormData) {
    const encoded = new Response(body);
    contentType = encoded.headers.get("content-type");
    payload = Buffer.from(await encoded.arrayBuffer());
  } else if (typeof body === "string") payload = Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path: pathname,
        method,
        localAddress: from,
        agent: false,
        timeout: timeoutMs,
        headers: {
          host: `localhost:${NGINX_PORT}`,
          ...(contentType ? { "content-type": contentType } : {}),
          ...(payload ? { "content-length": String(payload.length) } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${pathname} timed out`)));
    req.on("error", reject);
    req.end(payload);
  });
}
const viaNginx = (pathname, options) => http(NGINX_PORT, pathname, options);
/** Straight to one app server, with the header nginx would have set. */
const direct = (server, pathname, options = {}) =>
  http(server.port, pathname, { ...options, headers: { "x-real-ip": "198.51.100.7", ...options.headers } });

function formOf(fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}
/** A loopback source address per visitor number, each in a /24 of its own: limits count an IPv4 address as one client and its /24 as one group. */
const visitorAddress = (n) => `127.${10 + Math.floor(n / 256)}.${n % 256}.1`;
const cookieHeader = (setCookie = []) => setCookie.map((cookie) => cookie.split(";")[0]).join("; ");

async function poll(what, test, timeoutMs, everyMs = 500) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ── The relay in front of the Resend stand-in ────────────────────────────────
// Server A is given RESEND_BASE_URL …/a and B …/b, so every call says who made
// it. `holdNext` lets one batch call reach Resend (delivered) and keeps its
// answer from the sender: the sender dies without knowing it was delivered.
function startRelay(target) {
  const calls = [];
  let hold = null;
  const held = new Set();
  const server = createServer((req, res) => {
    const match = /^\/([a-e])(\/.*)$/.exec(req.url ?? "");
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const [, who, rest] = match;
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers = { ...req.headers, host: new URL(target).host, "content-length": String(body.length) };
      const upstream = httpRequest(`${target}${rest}`, { method: req.method, headers, agent: false }, (answer) => {
        const parts = [];
        answer.on("data", (chunk) => parts.push(chunk));
        answer.on("end", () => {
          const call = { server: who.toUpperCase(), path: rest, key: req.headers["idempotency-key"] ?? null, status: answer.statusCode, emails: 0, at: Date.now() };
          try {
            const parsed = JSON.parse(body.toString("utf8"));
            call.emails = Array.isArray(parsed) ? parsed.length : 1;
          } catch {
            // not JSON: counted as one
          }
          calls.push(call);
          if (hold && rest === "/emails/batch" && hold.test(call)) {
            const { resolve } = hold;
            hold = null;
            held.add(res);
            resolve(call);
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(parts));
        });
      });
      upstream.on("error", () => res.destroy());
      upstream.end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(RELAY_PORT, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${RELAY_PORT}`,
        calls,
        /** Resolves with the first batch call passing `test`, delivered but left unanswered. */
        holdNext: (test) => new Promise((resolveHold) => (hold = { test, resolve: resolveHold })),
        dropHeld: () => {
          for (const res of held) res.destroy();
          held.clear();
        },
        close: () =>
          new Promise((done) => {
            for (const res of held) res.destroy();
            server.closeAllConnections();
            server.close(() => done(undefined));
          }),
      }),
    ),
  );
}

function accessLog(dir) {
  const file = path.join(dir, "access.log");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [, method, url, status] = /"(\S+) (\S+) [^"]*" (\d{3})/.exec(line) ?? [];
      return { line, method, url, status: Number(status), upstream: /upstream=(\S+)/.exec(line)?.[1] ?? "-", remote: line.split(" ")[0] };
    });
}

// ── Two app servers ──────────────────────────────────────────────────────────
function serverEnv(databaseUrl, relayUrl, letter) {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    APP_URL: PUBLIC_URL,
    // As the build was made: scripts/test.mjs builds with the e2e fixture posts.
    POSTS_FIXTURES_DIR: process.env.POSTS_FIXTURES_DIR ?? "",
    RESEND_API_KEY: "re_topology",
    RESEND_BASE_URL: `${relayUrl}/${letter.toLowerCase()}`,
    CRON_SECRET,
    RATE_LIMIT_SALT: "topology-rate-limit-salt",
    AUTH_SECRET: "topology-auth-secret-that-is-long-enough-000000",
    THERAPIST_EMAILS: THERAPIST,
    BOOKING_LINK_SECRET,
    // As deploy/systemd sets it: one list of erasures for every server, outside the database.
    ERASURES_FILE: erasuresFile,
    NEWSLETTER_TOKEN_SECRET: "topology-newsletter-secret-long-enough-00000",
    // As deploy/systemd/attune@.service sets it.
    TRUSTED_IP_HEADER: "x-real-ip",
    OUTBOX_SWEEP_INTERVAL_SECONDS: String(SWEEP_SECONDS),
    // The run posts more contact forms than a real hour sees, and counts every acknowledgement.
    UNVERIFIED_EMAILS_PER_HOUR: "100000",
    // Each step waits for the outbox to empty; a summary due ten minutes on would hold it (it has its integration test).
    THERAPIST_NOTICE_MINUTES: "0",
  };
}

/** `release`: the folder of the release to run (its .next and db/migrations), else this checkout. */
function startServer(letter, databaseUrl, relayUrl, dir, { release = root } = {}) {
  const port = PORTS[letter];
  // node itself, not npx: the signal must reach the server, not a wrapper.
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: release,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: serverEnv(databaseUrl, relayUrl, letter),
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })));
  const server = {
    letter,
    port,
    pid: child.pid,
    exited,
    alive: true,
    log: () => log,
    ready: (timeoutMs = 60_000) =>
      poll(`server ${letter}`, () => http(port, "/api/health").then((r) => r.status === 200, () => false), timeoutMs, 250),
    signal: (name) => {
      try {
        process.kill(-child.pid, name);
      } catch {
        // already gone
      }
    },
  };
  exited.then(() => {
    server.alive = false;
    try {
      writeFileSync(path.join(dir, `server-${letter}-${child.pid}.log`), log);
    } catch {
      // the work dir is already gone after a clean run
    }
  });
  return server;
}

// ── The run ──────────────────────────────────────────────────────────────────
async function main() {
  const nginx = findNginx();
  if (!nginx) {
    console.error("topology: nginx is not installed (sudo apt-get install -y nginx-light).");
    return false;
  }
  if (!existsSync(".next/BUILD_ID")) {
    console.info("No production build in .next: building (next build)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const base = new URL(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
  const database = `attune_topology_${Date.now()}_${process.pid}`;
  const admin = postgres({
    host: base.hostname,
    port: Number(base.port || 5432),
    user: decodeURIComponent(base.username || "postgres"),
    password: base.password ? decodeURIComponent(base.password) : undefined,
    database: "postgres",
    onnotice: () => {},
    max: 1,
  });
  const runUrl = new URL(base);
  runUrl.pathname = `/${database}`;
  runDatabaseUrl = runUrl.toString();
  const dir = mkdtempSync(path.join(tmpdir(), "attune-topology-"));
  erasuresFile = path.join(dir, "erasures");
  let sql;
  const servers = {};
  try {
    await admin.unsafe(`create database ${database}`);
    cleanups.push(() => admin.unsafe(`drop database if exists ${database} with (force)`));
    console.info(`topology: database ${database} on ${base.hostname}:${base.port || 5432}, work dir ${dir}`);

    const fake = await startFakeResend({ port: RESEND_PORT });
    cleanups.push(() => fake.close());
    const relay = await startRelay(fake.url);
    cleanups.push(() => relay.close());

    // Both at once, as systemd starts them: the first migrates, the second waits for it.
    servers.A = startServer("A", runUrl.toString(), relay.url, dir);
    servers.B = startServer("B", runUrl.toString(), relay.url, dir);
    cleanups.push(async () => {
      for (const server of Object.values(servers)) if (server.alive) server.signal("SIGTERM");
      await Promise.race([Promise.all(Object.values(servers).map((server) => server.exited)), sleep(15_000)]);
      for (const server of Object.values(servers)) if (server.alive) server.signal("SIGKILL");
    });
    await Promise.all([servers.A.ready(), servers.B.ready()]);
    console.info(`topology: both servers up (${seconds()} s)`);
    const proxy = await startLocalNginx({ nginx, dir, port: NGINX_PORT, upstreams: [PORTS.A, PORTS.B] });
    cleanups.push(() => proxy.stop());

    sql = postgres(runUrl.toString(), { onnotice: () => {}, max: 4 });

    await checkHealth(servers);
    const cookie = await checkSessionAcrossServers(servers, fake);
    await checkBooking(sql, dir);
    await checkContactThroughOutage(sql, fake, relay, dir);
    await checkRateLimit(dir);
    await checkCache(cookie);
    await checkCron();
    await checkBroadcastKilled(sql, fake, relay, servers, dir);
    await checkBroadcastStopped(sql, fake, relay, servers);
    await checkBackupAndRestore({ sql, admin, database, fake, relay, servers, dir, cookie });
    await checkUpgrade({ sql, relay, servers, dir });
    await checkPostgresRestart({ nginx, fake, relay, dir, servers });

    const errors = accessLog(dir).filter((entry) => entry.status >= 500);
    check("no 5xx answered by nginx in the whole run", errors.length === 0, errors.length ? errors.slice(0, 3).map((e) => e.line).join(" | ") : `${accessLog(dir).length} requests`);
  } catch (error) {
    // Counted here, before the logs would be cleaned up as after a run without failures.
    check("the topology run itself", false, error instanceof Error ? error.message : String(error));
  } finally {
    await sql?.end({ timeout: 5 }).catch(() => undefined);
    await cleanUp();
    await admin.end({ timeout: 5 }).catch(() => undefined);
    if (results.failed === 0) rmSync(dir, { recursive: true, force: true });
    else console.info(`topology: logs kept in ${dir}`);
  }
  return true;
}

async function checkHealth(servers) {
  const through = await viaNginx("/api/health");
  let body = {};
  try {
    body = JSON.parse(through.body);
  } catch {
    // checked below
  }
  check(
    "GET /api/health through nginx: 200, database ok, migrations current, outbox figures",
    through.status === 200 && body.database === "ok" && body.migrations === "current" && typeof body.outbox?.due === "number" && typeof body.outbox?.oldestDueSeconds === "number",
    `${through.status} ${through.body.slice(0, 120)}`,
  );
  const again = await viaNginx("/api/health");
  check("/api/health is no-store and never cached by nginx", /no-store/.test(String(again.headers["cache-control"])) && again.headers["x-cache-status"] !== "HIT", `${again.headers["cache-control"]}, ${again.headers["x-cache-status"] ?? "no cache status"}`);
  const each = await Promise.all(Object.values(servers).map((server) => http(server.port, "/api/health")));
  check("each server answers /api/health 200 on its own port", each.every((r) => r.status === 200));
}

async function checkSessionAcrossServers(servers, fake) {
  const { A, B } = servers;
  const page = await direct(A, "/admin/sign-in");
  const asked = await direct(A, "/admin/sign-in", {
    method: "POST",
    body: formOf({ ...hiddenInputs(page.body, "email"), email: THERAPIST }),
    headers: { origin: PUBLIC_URL },
  });
  const emailed = await poll("the sign-in email", () => fake.emails().find((email) => email.to.includes(THERAPIST)), 20_000);
  const link = /\/admin\/sign-in\/confirm\/[A-Za-z0-9_-]{43}/.exec(emailed.text)?.[0];
  check("sign-in link requested on server A and emailed", asked.status === 303 && Boolean(link), `POST ${asked.status}`);
  if (!link) return "";
  const confirm = await direct(A, link);
  const spent = await direct(A, link, { method: "POST", body: formOf(hiddenInputs(confirm.body, "token")), headers: { origin: PUBLIC_URL } });
  const cookie = cookieHeader(spent.headers["set-cookie"]);
  check("the link's page on server A spends it and sets the session cookie", spent.status === 303 && /session/.test(cookie), `${spent.status}`);
  const onB = await direct(B, "/admin", { headers: { cookie } });
  check("the session made on A opens the private area on B", onB.status === 200 && !/sign-in/.test(String(onB.headers.location ?? "")) && /Sign out/i.test(onB.body), `${onB.status}`);
  const strangerOnB = await direct(B, "/admin");
  check("without it, B sends the visitor to sign in", strangerOnB.status >= 300 && strangerOnB.status < 400 && /sign-in/.test(String(strangerOnB.headers.location)));
  return cookie;
}

async function checkBooking(sql, dir) {
  const before = accessLog(dir).length;
  // Where the visitor will be is asked first, then the month's days are links.
  const book = await viaNginx("/book?where=OR&type=intake&tz=UTC");
  const days = [...book.body.matchAll(/href="(\/book\?[^"#]*day=[^"#]*)/g)].map((match) => decode(match[1]));
  let startsAt = null;
  for (const day of days) {
    const page = await viaNginx(day);
    const match = /href="\/book\/request\?([^"]*)"/.exec(page.body);
    if (match) {
      startsAt = new URLSearchParams(decode(match[1])).get("start");
      break;
    }
  }
  if (!check("/book offers a free intake time", Boolean(startsAt))) return;
  const formPath = `/book/request?${new URLSearchParams({ type: "intake", start: startsAt, tz: "UTC", where: "OR" })}`;
  const hidden = hiddenInputs((await viaNginx(formPath)).body, "startsAt");
  const outcomes = { held: 0, taken: 0, other: 0, errors: 0 };
  const statuses = [];
  await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      try {
        const response = await viaNginx(formPath, {
          method: "POST",
          from: visitorAddress(1000 + i),
          headers: { origin: PUBLIC_URL },
          body: formOf({
            ...hidden,
            startsAt,
            formKey: randomUUID(),
            ...intakeAnswers({ name: `Topology Visitor ${i}`, email: `booking.${i}.${randomUUID().slice(0, 8)}@example.com` }),
          }),
        });
        statuses.push(response.status);
        // Held until the visitor confirms from the email: the answer is the "check your email" page.
        if (response.status === 303 && /^\/book\/check-your-email/.test(String(response.headers.location))) outcomes.held += 1;
        else if (response.status === 200 && response.body.includes("That time was just taken")) outcomes.taken += 1;
        else if (response.status >= 500) outcomes.errors += 1;
        else outcomes.other += 1;
      } catch {
        outcomes.errors += 1;
      }
    }),
  );
  check("50 concurrent requests for one time: exactly one holds it, 49 told it was taken, 0 errors", outcomes.held === 1 && outcomes.taken === 49 && outcomes.errors === 0, JSON.stringify(outcomes));
  const [{ n }] = await sql`
    select count(*)::int as n from booking a join booking b on a.id < b.id
    where a.status in ('requested', 'confirmed') and b.status in ('requested', 'confirmed')
      and tstzrange(a.blocked_from, a.blocked_until) && tstzrange(b.blocked_from, b.blocked_until)`;
  check("no overlapping active bookings in the database", n === 0, `${n} overlapping pairs`);
  const posts = accessLog(dir).slice(before).filter((entry) => entry.method === "POST" && entry.url.startsWith("/book/request"));
  const upstreams = new Set(posts.map((entry) => entry.upstream));
  check("the booking posts were spread across both servers", upstreams.has(`127.0.0.1:${PORTS.A}`) && upstreams.has(`127.0.0.1:${PORTS.B}`), [...upstreams].join(", "));
}

async function contactForm() {
  return hiddenInputs((await viaNginx("/contact")).body, "message");
}
async function postContact(hidden, { from, email, headers = {} }) {
  return viaNginx("/contact", {
    method: "POST",
    from,
    headers: { origin: PUBLIC_URL, ...headers },
    body: formOf({
      ...hidden,
      formKey: randomUUID(),
      website: "",
      name: "Topology Visitor",
      email,
      phone: "",
      preferredContact: "email",
      message: "A message from the topology test.",
      consent: "yes",
    }),
  });
}
const SENT_TEXT = "your message has been sent";

async function checkContactThroughOutage(sql, fake, relay, dir) {
  const logged = accessLog(dir).length;
  fake.setMode("fail");
  const firstCall = relay.calls.length;
  const hidden = await contactForm();
  let accepted = 0;
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < 200) {
        const i = next++;
        try {
          const response = await postContact(hidden, { from: visitorAddress(5000 + i), email: `contact.${i}@example.com` });
          if (response.status === 200 && response.body.includes(SENT_TEXT)) accepted += 1;
          else errors += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const upstreams = new Set(accessLog(dir).slice(logged).filter((entry) => entry.method === "POST" && entry.url === "/contact").map((entry) => entry.upstream));
  check("200 contact messages, spread across both servers, accepted while Resend answers 500", accepted === 200 && errors === 0 && upstreams.size === 2, `${accepted} accepted, ${errors} not; ${[...upstreams].join(", ")}`);
  const failedCalls = relay.calls.slice(firstCall).filter((call) => call.status === 500);
  check("both servers' dispatchers tried Resend during the outage", new Set(failedCalls.map((call) => call.server)).size === 2, `${failedCalls.length} calls answered 500`);
  fake.setMode("ok");
  const outageOver = relay.calls.length;
  // The first retry waits 30 s (backoff); both servers' intervals race for the rows then.
  await poll(
    "the contact emails to be delivered",
    async () => (await sql`select count(*)::int as n from outbox_email where template like 'contact-%' and status <> 'sent'`)[0].n === 0,
    120_000,
    1000,
  );
  const rows = await sql`select id::text from outbox_email where template like 'contact-%'`;
  const delivered = new Map();
  for (const email of fake.emails()) if (email.idempotencyKey) delivered.set(email.idempotencyKey, (delivered.get(email.idempotencyKey) ?? 0) + 1);
  const twice = rows.filter((row) => (delivered.get(row.id) ?? 0) > 1).length;
  const missing = rows.filter((row) => !delivered.has(row.id)).length;
  check("every contact email delivered exactly once after the outage", rows.length === 400 && twice === 0 && missing === 0, `${rows.length} queued, ${missing} missing, ${twice} twice`);
  const senders = new Set(relay.calls.slice(outageOver).filter((call) => call.status === 200 && call.path === "/emails").map((call) => call.server));
  check("both dispatchers delivered some of them", senders.size === 2, [...senders].join(", "));
}

async function checkRateLimit(dir) {
  const before = accessLog(dir).length;
  const hidden = await contactForm();
  const from = "127.200.0.1";
  const answers = [];
  // The contact form allows 10 messages an hour from one address; each post forges its own.
  for (let i = 0; i < 11; i += 1) {
    const forged = `203.0.113.${i + 1}`;
    const response = await postContact(hidden, { from, email: `limit.${i}@example.com`, headers: { "x-forwarded-for": forged, "x-real-ip": forged } });
    answers.push(response.status === 200 && response.body.includes(SENT_TEXT) ? "sent" : response.body.includes("several of these from you") ? "limited" : `other ${response.status}`);
  }
  const posts = accessLog(dir).slice(before).filter((entry) => entry.method === "POST" && entry.url === "/contact");
  const upstreams = new Set(posts.map((entry) => entry.upstream));
  check(
    "one client's 11th message is refused though its posts went to both servers and each forged X-Forwarded-For/X-Real-IP",
    answers.slice(0, 10).every((a) => a === "sent") && answers[10] === "limited" && upstreams.size === 2,
    `${answers.join(",")}; upstreams ${[...upstreams].join(", ")}`,
  );
  const other = await postContact(hidden, { from: "127.200.0.2", email: "limit.other@example.com" });
  check("another client is not affected", other.status === 200 && other.body.includes(SENT_TEXT));

  // A flood from one address: nginx's limit_req answers 429 past the burst, before the app.
  const flood = await Promise.all(
    Array.from({ length: 40 }, (_, i) => postContact(hidden, { from: "127.202.0.1", email: `flood.${i}@example.com` }).then((r) => r.status, () => 0)),
  );
  const limited = flood.filter((status) => status === 429).length;
  check("a burst of 40 posts from one address: nginx answers 429 past its burst of 20, never 5xx", limited >= 15 && flood.every((status) => status === 200 || status === 429), `${limited} × 429, others ${flood.filter((status) => status !== 429).join(",")}`);
}

async function checkCache(cookie) {
  const blog = await viaNginx("/blog");
  const slug = /href="\/blog\/([a-z0-9-]+)"/.exec(blog.body)?.[1];
  if (!check("the blog lists a post", Boolean(slug))) return;
  const url = `/blog/${slug}`;
  const first = await viaNginx(url);
  const second = await viaNginx(url);
  check(
    "a post's second request is a cache HIT at nginx, as HTML",
    first.status === 200 && second.status === 200 && second.headers["x-cache-status"] === "HIT" && /text\/html/.test(String(second.headers["content-type"])),
    `${first.headers["x-cache-status"]} then ${second.headers["x-cache-status"]}; ${first.headers["cache-control"]}`,
  );
  const rscHeaders = [
    { rsc: "1" },
    { rsc: "1", "next-router-prefetch": "1" },
    { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" },
  ];
  // Next answers an RSC request without the _rsc it expects (a hash of these headers) with a
  // redirect to it, as the router would have asked; each is asked twice, so the second may come from the cache.
  const rscGet = async (headers) => {
    let answer = await viaNginx(url, { headers });
    for (let hops = 0; hops < 3 && answer.status >= 300 && answer.status < 400 && answer.headers.location; hops += 1) answer = await viaNginx(answer.headers.location, { headers });
    return answer;
  };
  const rscAnswers = [];
  for (const headers of rscHeaders) for (let i = 0; i < 2; i += 1) rscAnswers.push(await rscGet(headers));
  check(
    "RSC and prefetch requests never get the HTML (nor from the cache)",
    rscAnswers.every((r) => r.status === 200 && /text\/x-component/.test(String(r.headers["content-type"])) && !r.body.trimStart().toLowerCase().startsWith("<!doctype")) &&
      rscAnswers.some((r) => r.headers["x-cache-status"] === "HIT"),
    rscAnswers.map((r) => `${r.status} ${r.headers["content-type"]} ${r.headers["x-cache-status"]}`).join("; "),
  );
  const after = await viaNginx(url);
  check("…and the page request after them still gets the HTML", /text\/html/.test(String(after.headers["content-type"])) && after.body.trimStart().toLowerCase().startsWith("<!doctype"));

  const privatePages = [];
  for (let i = 0; i < 3; i += 1) privatePages.push(await viaNginx("/admin", { headers: { cookie } }));
  check(
    "a private page is never cached",
    privatePages.every((r) => r.status === 200 && r.headers["x-cache-status"] !== "HIT" && /no-store/.test(String(r.headers["cache-control"]))),
    privatePages.map((r) => `${r.status} ${r.headers["x-cache-status"]}`).join(", "),
  );
  const hidden = await contactForm();
  const forms = [];
  for (let i = 0; i < 2; i += 1) forms.push(await postContact(hidden, { from: "127.201.0.1", email: `cache.${i}@example.com` }));
  check("a form result is never cached", forms.every((r) => r.status === 200 && r.headers["x-cache-status"] !== "HIT" && r.body.includes(SENT_TEXT)));
  const contactPages = [await viaNginx("/contact"), await viaNginx("/contact")];
  check("a form page (fresh nonce, form key) is never cached", contactPages.every((r) => r.headers["x-cache-status"] !== "HIT"));
  const staticAsset = /(\/_next\/static\/[^"]+\.js)/.exec(first.body)?.[1];
  if (staticAsset) {
    await viaNginx(staticAsset);
    const asset = await viaNginx(staticAsset);
    check("/_next/static is cached, immutable for a year", asset.headers["x-cache-status"] === "HIT" && /max-age=31536000/.test(String(asset.headers["cache-control"])), `${asset.headers["x-cache-status"]}, ${asset.headers["cache-control"]}`);
  }
  const big = new FormData();
  big.append("message", "x".repeat(1024 * 1024 + 10));
  const tooBig = await viaNginx("/contact", { method: "POST", body: big, headers: { origin: PUBLIC_URL } }).catch(() => ({ status: 0 }));
  check("a post over 1 MB is refused with 413", tooBig.status === 413, String(tooBig.status));
}

async function checkCron() {
  const refused = await viaNginx("/api/outbox/sweep");
  const wrong = await viaNginx("/api/outbox/sweep", { headers: { authorization: "Bearer not-the-secret-at-all-not-the-secret" } });
  const swept = await viaNginx("/api/outbox/sweep", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  let body = {};
  try {
    body = JSON.parse(swept.body);
  } catch {
    // checked below
  }
  check(
    "cron: GET /api/outbox/sweep with the bearer secret sweeps (200), without it 401",
    refused.status === 401 && wrong.status === 401 && swept.status === 200 && typeof body.outbox?.claimed === "number" && /no-store/.test(String(swept.headers["cache-control"])),
    `${refused.status}, ${wrong.status}, ${swept.status}`,
  );
}

/** An issue to every confirmed subscriber, started as lib/newsletter/broadcast.ts's startBroadcast does. */
async function startIssue(sql, label, subscribers) {
  await sql`
    insert into subscriber (email, status, source, consent_notice_version, consented_at, confirmed_at, unsubscribe_token_hash)
    select 'reader.' || ${label} || '.' || n || '@example.com', 'confirmed', 'newsletter', 'topology', now(), now(), md5(random()::text || n || ${label})
    from generate_series(1, ${subscribers}) as n`;
  // Only this issue's readers: the earlier issue's subscribers are unsubscribed first.
  await sql`update subscriber set status = 'unsubscribed', unsubscribed_at = now() where email like 'reader.%' and email not like ${`reader.${label}.%`}`;
  const [issue] = await sql`
    insert into newsletter_issue (subject, body, status, created_by, send_started_at)
    values (${`Topology issue ${label}`}, 'A short issue for the topology test.', 'sending', ${THERAPIST}, now()) returning id::text`;
  await sql`
    insert into newsletter_send (issue_id, subscriber_id)
    select ${issue.id}::uuid, id from subscriber where status = 'confirmed' and suppressed_at is null`;
  const [{ n }] = await sql`select count(*)::int as n from newsletter_send where issue_id = ${issue.id}::uuid`;
  await sql`update newsletter_issue set recipient_count = ${n} where id = ${issue.id}::uuid`;
  return { id: issue.id, subject: `Topology issue ${label}`, recipients: n };
}

function deliveriesOf(fake, subject) {
  const counts = new Map();
  for (const email of fake.emails()) if (email.subject === subject) for (const to of email.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

async function checkBroadcastKilled(sql, fake, relay, servers, dir) {
  const firstCall = relay.calls.length;
  // Hold the third batch call: Resend delivers it, its sender never hears so.
  const heldCall = relay.holdNext(() => relay.calls.slice(firstCall).filter((c) => c.path === "/emails/batch").length >= 3);
  const issue = await startIssue(sql, "killed", 1200);
  const call = await Promise.race([heldCall, sleep(60_000).then(() => null)]);
  if (!check("a server picked up the broadcast", Boolean(call))) return;
  const victim = servers[call.server];
  const survivor = servers[call.server === "A" ? "B" : "A"];
  victim.signal("SIGKILL");
  await victim.exited;
  relay.dropHeld();
  console.info(`topology: server ${victim.letter} killed mid-batch (${call.key}); ${survivor.letter} must finish (${seconds()} s)`);
  // A killed sender's lease lasts 120 s (LEASE_SECONDS); rather than wait it out, the test lets that time pass.
  await sql`update newsletter_issue set runner_locked_until = now() - interval '1 second' where id = ${issue.id}::uuid and runner_locked_until is not null`;
  await poll("the broadcast to finish", async () => (await sql`select status from newsletter_issue where id = ${issue.id}::uuid`)[0].status === "sent", 90_000, 500);
  const counts = deliveriesOf(fake, issue.subject);
  const twice = [...counts.values()].filter((n) => n > 1).length;
  check(
    `server ${victim.letter} killed mid-broadcast: ${survivor.letter} finishes it, each of ${issue.recipients} subscribers mailed exactly once`,
    counts.size === issue.recipients && twice === 0,
    `${counts.size} mailed, ${twice} twice`,
  );
  const resent = relay.calls.slice(firstCall).filter((c) => c.key === call.key);
  check(
    "the interrupted batch was resent by the survivor under the same idempotency key",
    resent.some((c) => c.server === survivor.letter) && resent.some((c) => c.server === victim.letter),
    resent.map((c) => `${c.server}:${c.status}`).join(", "),
  );
  const health = await viaNginx("/api/health");
  check("with one server dead, nginx still answers from the other", health.status === 200);

  // Back to two, for the graceful stop.
  servers[victim.letter] = startServer(victim.letter, runDatabaseUrl, relay.url, dir);
  await servers[victim.letter].ready();
}

async function checkBroadcastStopped(sql, fake, relay, servers) {
  const firstCall = relay.calls.length;
  const issue = await startIssue(sql, "stopped", 1200);
  // Wait for the second batch to go out, then stop whoever is sending it.
  const sender = await poll(
    "a sender",
    () => {
      const batches = relay.calls.slice(firstCall).filter((c) => c.path === "/emails/batch");
      return batches.length >= 2 ? batches.at(-1).server : null;
    },
    60_000,
    50,
  );
  const stopping = servers[sender];
  const other = servers[sender === "A" ? "B" : "A"];
  const stoppedAt = Date.now();
  stopping.signal("SIGTERM");
  const exit = await Promise.race([stopping.exited, sleep(30_000).then(() => null)]);
  const took = exit ? (exit.at - stoppedAt) / 1000 : Infinity;
  const drained = /Stopped cleanly: (\d+) outbox or broadcast task\(s\)/.exec(stopping.log());
  check(
    `SIGTERM: server ${sender} drains what it holds and exits within 15 s (10 s grace + margin)`,
    took <= 15 && Boolean(drained),
    `${took.toFixed(1)} s, exit ${exit?.signal ?? exit?.code}, ${drained ? `${drained[1]} task(s) drained` : "no drain logged"}`,
  );
  const [issueRow] = await sql`select status, runner_locked_until from newsletter_issue where id = ${issue.id}::uuid`;
  const [{ sending }] = await sql`select count(*)::int as sending from outbox_email where status = 'sending'`;
  check("it released the broadcast lease and holds no outbox row", issueRow.status === "sent" || (issueRow.runner_locked_until === null && sending === 0), `issue ${issueRow.status}, lease ${issueRow.runner_locked_until}, sending rows ${sending}`);
  // No lease to wait out: the other server's interval resumes it.
  await poll("the broadcast to finish", async () => (await sql`select status from newsletter_issue where id = ${issue.id}::uuid`)[0].status === "sent", 90_000, 500);
  const counts = deliveriesOf(fake, issue.subject);
  const twice = [...counts.values()].filter((n) => n > 1).length;
  const byOther = relay.calls.slice(firstCall).some((c) => c.path === "/emails/batch" && c.server === other.letter && c.at >= stoppedAt);
  check(
    `after the stop, ${other.letter} finishes the broadcast with each of ${issue.recipients} subscribers mailed exactly once`,
    counts.size === issue.recipients && twice === 0 && byOther,
    `${counts.size} mailed, ${twice} twice`,
  );
}

// ── The night's backup, and a restore from it ────────────────────────────────
// The dump is taken with a broadcast half sent (its third batch delivered but
// unanswered) and contact emails waiting out a Resend outage. Afterwards the
// live site delivers all of it and the therapist erases a person; then the
// dump is restored into a fresh database and server C started on it, as after
// losing the database. C must resend nothing Resend already has (the same
// idempotency keys), resume the broadcast where the dump left it, open a
// booking's manage link, and hold nothing of the erased person.
const TABLES_RESTORED = ["booking", "contact_message", "subscriber", "newsletter_issue", "newsletter_send", "outbox_email", "audit_event"];

async function tableCounts(sql) {
  const counts = {};
  for (const table of TABLES_RESTORED) counts[table] = (await sql.unsafe(`select count(*)::int as n from ${table}`))[0].n;
  return counts;
}

function runScript(file, args, env) {
  const started = Date.now();
  const run = spawnSync(file, args, { encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
  return { ...run, seconds: ((Date.now() - started) / 1000).toFixed(1), output: `${run.stdout ?? ""}${run.stderr ?? ""}`.trim() };
}

async function checkBackupAndRestore({ sql, admin, database, fake, relay, servers, dir, cookie }) {
  const keys = path.join(dir, "backup-keys");
  mkdirSync(keys, { recursive: true });
  const identity = path.join(keys, "practice.key");
  const keygen = spawnSync("age-keygen", ["-o", identity], { encoding: "utf8" });
  const publicKey = /age1[0-9a-z]+/.exec(keygen.stderr ?? "")?.[0];
  if (!check("the practice's age key pair is made (age-keygen)", keygen.status === 0 && Boolean(publicKey), keygen.error?.message ?? keygen.stderr)) return;
  const recipients = path.join(keys, "recipients.txt");
  writeFileSync(recipients, `${publicKey}\n`);

  // A held booking is confirmed from its email's link, so the dump holds a booking with a manage link.
  const [held] = await sql`select id::text from booking where hold_expires_at is not null order by created_at limit 1`;
  const token = held ? createHmac("sha256", BOOKING_LINK_SECRET).update(`manage-booking:${held.id}`).digest("base64url") : "";
  if (held) {
    const page = await viaNginx(`/book/confirm/${token}`);
    await viaNginx(`/book/confirm/${token}`, { method: "POST", body: formOf(hiddenInputs(page.body, "token")), headers: { origin: PUBLIC_URL } });
  }

  const firstCall = relay.calls.length;
  const heldCall = relay.holdNext(() => relay.calls.slice(firstCall).filter((c) => c.path === "/emails/batch").length >= 3);
  const issue = await startIssue(sql, "restored", 600);
  const call = await Promise.race([heldCall, sleep(60_000).then(() => null)]);
  if (!check("a broadcast is under way, its third batch in flight", Boolean(call))) return;
  fake.setMode("fail");
  const hidden = await contactForm();
  const writers = Array.from({ length: 5 }, (_, i) => `restore.${i}@example.com`);
  for (const [i, email] of writers.entries()) await postContact(hidden, { from: visitorAddress(9000 + i), email });

  const atBackup = await tableCounts(sql);
  const [{ sentAtBackup }] = await sql`select count(*)::int as "sentAtBackup" from newsletter_send where issue_id = ${issue.id}::uuid and status = 'sent'`;
  const [{ waiting }] = await sql`select count(*)::int as waiting from outbox_email where status <> 'sent'`;
  const keysSentBeforeBackup = new Set(relay.calls.slice(firstCall).filter((c) => c.status === 200 && c.key && c !== call).map((c) => c.key));
  const backupDir = path.join(dir, "backups");
  const backup = runScript("deploy/backup/attune-backup", [], { DATABASE_URL: runDatabaseUrl, BACKUP_DIR: backupDir, BACKUP_RECIPIENTS: recipients, ERASURES_FILE: erasuresFile, BACKUP_KEEP_DAYS: "14" });
  const dumpFile = readdirSync(backupDir).filter((name) => name.endsWith(".dump.age")).map((name) => path.join(backupDir, name))[0];
  const encrypted = dumpFile ? readFileSync(dumpFile).subarray(0, 40).toString("latin1") : "";
  check(
    `attune-backup: one age-encrypted custom-format dump, taken mid-broadcast (${sentAtBackup}/${issue.recipients} sent) with ${waiting} email(s) waiting`,
    backup.status === 0 && Boolean(dumpFile) && encrypted.startsWith("age-encryption.org/v1") && !encrypted.includes("PGDMP") && sentAtBackup > 0 && sentAtBackup < issue.recipients && waiting >= writers.length,
    `${backup.seconds} s; ${backup.output.split("\n").at(-1)}`,
  );
  if (!dumpFile) return;

  // After the backup, the live site goes on: Resend is back, the held batch's sender retries under its key.
  fake.setMode("ok");
  relay.dropHeld();
  await sql`update outbox_email set next_attempt_at = now() where status = 'pending'`;
  await poll(
    "the live site to deliver everything",
    async () =>
      (await sql`select status from newsletter_issue where id = ${issue.id}::uuid`)[0].status === "sent" &&
      (await sql`select count(*)::int as n from outbox_email where status <> 'sent'`)[0].n === 0,
    90_000,
    500,
  );
  const erasedPerson = writers[0];
  const privacy = await viaNginx("/admin/privacy", { headers: { cookie } });
  const erased = await viaNginx("/admin/privacy", {
    method: "POST",
    headers: { cookie, origin: PUBLIC_URL },
    body: formOf({ ...hiddenInputs(privacy.body, "email"), email: erasedPerson, confirm: "yes" }),
  });
  const [{ left }] = await sql`select count(*)::int as left from contact_message where email = ${erasedPerson}`;
  check("after the backup, the therapist erases a person who wrote before it", erased.status === 200 && /Deleted 1 contact message/.test(erased.body) && left === 0, `${erased.status}, ${left} left`);

  // The database is lost: the dump goes into a fresh one, and a server starts on it.
  const restoredName = `${database}_restored`;
  await admin.unsafe(`create database ${restoredName}`);
  cleanups.push(() => admin.unsafe(`drop database if exists ${restoredName} with (force)`));
  const restoredUrl = new URL(runDatabaseUrl);
  restoredUrl.pathname = `/${restoredName}`;
  const restore = runScript("deploy/backup/attune-restore", [dumpFile, identity, restoredUrl.toString(), erasuresFile], {});
  const restored = postgres(restoredUrl.toString(), { onnotice: () => {}, max: 2 });
  cleanups.push(() => restored.end({ timeout: 5 }));
  const counts = await tableCounts(restored);
  const expected = { ...atBackup, contact_message: atBackup.contact_message - 1 };
  const differ = TABLES_RESTORED.filter((table) => !["outbox_email", "audit_event"].includes(table) && counts[table] !== expected[table]);
  const [{ ofErased }] = await restored`
    select (select count(*) from contact_message where email = ${erasedPerson}) + (select count(*) from outbox_email where recipient = ${erasedPerson}) as "ofErased"`;
  check(
    "attune-restore: the dump's bookings, messages, subscribers and broadcast are back, the person erased since is not",
    restore.status === 0 && differ.length === 0 && Number(ofErased) === 0 && /Erased again 1 person/.test(restore.output),
    `${restore.seconds} s; ${differ.map((t) => `${t} ${counts[t]}≠${expected[t]}`).join(", ") || JSON.stringify(counts)}; ${ofErased} row(s) of the erased; ${restore.output.split("\n").at(-1)}`,
  );

  // The live servers' broadcast lease came with the dump; they are gone in this story, so it has lapsed.
  await restored`update newsletter_issue set runner_locked_until = now() - interval '1 second' where runner_locked_until is not null`;
  const callsBeforeC = relay.calls.length;
  servers.C = startServer("C", restoredUrl.toString(), relay.url, dir);
  await servers.C.ready();
  const health = await direct(servers.C, "/api/health");
  const manage = held ? await direct(servers.C, `/book/manage/${token}`) : { status: 0, body: "" };
  check("server C on the restored database: healthy, and a booking's manage link opens", health.status === 200 && manage.status === 200 && /<h1>Your /.test(manage.body), `health ${health.status}, manage ${manage.status}`);
  const [{ ofErasedAfterStart }] = await restored`select count(*)::int as "ofErasedAfterStart" from contact_message where email = ${erasedPerson}`;
  check("…and holds 0 rows of the erased person", ofErasedAfterStart === 0);

  // Likewise their claims on outbox rows, and the retry backoff the outage left (the test's shortcut for waiting).
  await restored`update outbox_email set status = 'pending', locked_until = null where status = 'sending'`;
  await restored`update outbox_email set next_attempt_at = now() where status = 'pending'`;
  const resumed = await poll(
    "server C to resume the broadcast and the outbox",
    async () =>
      (await restored`select status from newsletter_issue where id = ${issue.id}::uuid`)[0].status === "sent" &&
      (await restored`select count(*)::int as n from outbox_email where status in ('pending', 'sending')`)[0].n === 0,
    90_000,
    500,
  ).catch(() => false);
  if (!resumed) {
    const [state] = await restored`select status, runner_locked_until, last_error from newsletter_issue where id = ${issue.id}::uuid`;
    const outbox = await restored`select status, count(*)::int as n, min(next_attempt_at) as next from outbox_email group by status`;
    check("server C resumes the broadcast and the outbox", false, `issue ${JSON.stringify(state)}; outbox ${JSON.stringify(outbox)}`);
    return;
  }
  const callsOfC = relay.calls.slice(callsBeforeC).filter((c) => c.server === "C");
  const resent = callsOfC.filter((c) => keysSentBeforeBackup.has(c.key)).length;
  const counts2 = deliveriesOf(fake, issue.subject);
  const twice = [...counts2.values()].filter((n) => n > 1).length;
  check(
    `the newsletter resumes where the dump stopped: C asks only for the batches after it, each of ${issue.recipients} subscribers mailed exactly once`,
    callsOfC.some((c) => c.path === "/emails/batch") && resent === 0 && counts2.size === issue.recipients && twice === 0,
    `${callsOfC.filter((c) => c.path === "/emails/batch").length} batch call(s) by C, ${resent} of a batch sent before the backup; ${counts2.size} mailed, ${twice} twice`,
  );
  const byKey = new Map();
  // A batch's emails share its key: one key and one recipient is one email.
  for (const email of fake.emails()) {
    if (!email.idempotencyKey) continue;
    for (const to of email.to) byKey.set(`${email.idempotencyKey} ${to}`, (byKey.get(`${email.idempotencyKey} ${to}`) ?? 0) + 1);
  }
  const delivered = (to) => fake.emails().filter((email) => email.to.includes(to)).length;
  check(
    "no email sent twice after the restore: each waiting acknowledgement reached its writer once, C's resends were Resend's duplicates",
    [...byKey.values()].every((n) => n === 1) && writers.every((to) => delivered(to) === 1) && callsOfC.length > 0,
    `${writers.map(delivered).join(",")} delivered; ${[...byKey.values()].filter((k) => k > 1).length} key(s) delivered twice; ${callsOfC.length} call(s) by C`,
  );
}

// ── An upgrade under load, one server at a time ─────────────────────────────
// As the README's "Upgrading" says: with pages and form posts coming through
// nginx, server A is stopped, started again from a new release (this build,
// plus one additive migration, in a folder of its own), and migrates the
// database; the old B then answers 503 before doing any work and nginx sends
// its requests to A; then B is stopped and started from the new release.
const UPGRADE = { perSecond: 20, tag: "topology_upgrade", column: "topology_upgrade_note" };

/**
 * A new release as a deploy unpacks one: its own folder holding this build
 * (hard links, no second copy of the bytes) and db/ with one more migration,
 * additive, as the README asks of a migration that ships between two
 * releases. Everything else is this checkout's, linked.
 */
function makeRelease(dir) {
  const release = path.join(dir, "release-next");
  mkdirSync(release);
  for (const entry of readdirSync(root)) {
    if ([".git", ".next", ".data", "db"].includes(entry)) continue;
    symlinkSync(path.join(root, entry), path.join(release, entry));
  }
  const copied = spawnSync("cp", ["-al", path.join(root, ".next"), path.join(release, ".next")]);
  if (copied.status !== 0) cpSync(path.join(root, ".next"), path.join(release, ".next"), { recursive: true });
  cpSync(path.join(root, "db"), path.join(release, "db"), { recursive: true });
  const journalFile = path.join(release, "db", "migrations", "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8"));
  const last = journal.entries.at(-1);
  const tag = `${String(last.idx + 1).padStart(4, "0")}_${UPGRADE.tag}`;
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
  writeFileSync(journalFile, `${JSON.stringify(journal, null, 2)}\n`);
  writeFileSync(path.join(release, "db", "migrations", `${tag}.sql`), `ALTER TABLE "contact_message" ADD COLUMN "${UPGRADE.column}" text;\n`);
  return release;
}

async function checkUpgrade({ sql, relay, servers, dir }) {
  // Back to A and B: the SIGTERM step left one of them stopped, and C has done its part.
  if (servers.C?.alive) servers.C.signal("SIGTERM");
  for (const letter of ["A", "B"]) if (!servers[letter].alive) servers[letter] = startServer(letter, runDatabaseUrl, relay.url, dir);
  await Promise.all([servers.A.ready(), servers.B.ready(), servers.C?.exited]);
  const release = makeRelease(dir);
  cleanups.push(() => rmSync(release, { recursive: true, force: true }));

  const logged = accessLog(dir).length;
  const hidden = await contactForm();
  const answers = [];
  const healthOfB = [];
  const marks = {};
  let loading = true;
  let n = 0;
  // A contact post from a new visitor every eighth request (2.5 a second), between the home, contact and booking pages.
  // At 5 posts a second on a 2-core machine at load 25, every post queued on one rate_limit row and the new
  // server's health could not get a connection for over two minutes: the budget is the bottleneck, not the upgrade.
  const kinds = ["post", "/", "/contact", "/", "/contact", "/book?where=OR&type=intake&tz=UTC", "/", "/contact"];
  const load = (async () => {
    const inFlight = [];
    while (loading) {
      const i = n++;
      const at = Date.now();
      const kind = kinds[i % kinds.length];
      const email = `upgrade.${i}@example.com`;
      const request =
        kind === "post"
          ? viaNginx("/contact", {
              method: "POST",
              from: visitorAddress(30000 + i),
              headers: { origin: PUBLIC_URL },
              body: formOf({ ...hidden, formKey: randomUUID(), website: "", name: "Upgrade Visitor", email, phone: "", preferredContact: "email", message: "Sent during an upgrade.", consent: "yes" }),
            })
          : viaNginx(kind, { from: visitorAddress(30000 + i) });
      inFlight.push(
        request.then(
          (r) => answers.push({ i, at, kind, email, status: r.status, body: r.body }),
          (error) => answers.push({ i, at, kind, email, status: 0, body: String(error.message) }),
        ),
      );
      await sleep(1000 / UPGRADE.perSecond);
    }
    await Promise.all(inFlight);
  })();
  const watch = (async () => {
    while (loading) {
      const r = servers.B.alive ? await http(PORTS.B, "/api/health", { timeoutMs: 5_000 }).catch(() => ({ status: 0, body: "" })) : { status: 0, body: "" };
      let migrations = "";
      try {
        migrations = JSON.parse(r.body).migrations ?? "";
      } catch {
        // not JSON: stopped or starting
      }
      healthOfB.push({ at: Date.now(), pid: servers.B.pid, status: r.status, migrations });
      await sleep(250);
    }
  })();

  let pageOfOldB = { status: 0, body: "" };
  try {
    await sleep(2_000);
    marks.stopA = Date.now();
    servers.A.signal("SIGTERM");
    const exitA = await Promise.race([servers.A.exited, sleep(30_000).then(() => null)]);
    if (!exitA) throw new Error("server A did not stop within 30 s of SIGTERM");
    marks.stoppedA = exitA.at;
    const oldB = servers.B;
    servers.A = startServer("A", runDatabaseUrl, relay.url, dir, { release });
    // Cold, and taking all the load once B steps aside: on a busy 2-core machine that has taken over a minute.
    await servers.A.ready(120_000).catch(async (error) => {
      // What the migration waits for, if it waits: the sessions and the locks they wait on.
      const sessions = await sql`select pid, state, wait_event_type, wait_event, left(query, 80) as query, now() - xact_start as open_for from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
      console.info(`topology: A not up; its log:\n${servers.A.log().slice(-3000)}\nsessions: ${JSON.stringify(sessions)}`);
      throw error;
    });
    marks.upgradedA = Date.now();
    console.info(`topology: A stopped in ${((marks.stoppedA - marks.stopA) / 1000).toFixed(1)} s and was up from the new release ${((marks.upgradedA - marks.stoppedA) / 1000).toFixed(1)} s later (${seconds()} s)`);
    // The old B sees the newer migration within its watch interval (2 s).
    marks.aheadB = await poll("the old B to step aside", () => healthOfB.find((h) => h.pid === oldB.pid && h.status === 503 && h.migrations === "ahead")?.at, 15_000, 100);
    pageOfOldB = await direct(oldB, "/contact").catch((error) => ({ status: 0, body: String(error.message) }));
    // A few seconds of load while the old server refuses everything.
    await sleep(3_000);
    marks.stopB = Date.now();
    oldB.signal("SIGTERM");
    const exitB = await Promise.race([oldB.exited, sleep(30_000).then(() => null)]);
    if (!exitB) throw new Error("server B did not stop within 30 s of SIGTERM");
    servers.B = startServer("B", runDatabaseUrl, relay.url, dir, { release });
    await servers.B.ready(120_000);
    marks.upgradedB = Date.now();
    await sleep(2_000);
  } finally {
    loading = false;
    await Promise.all([load, watch]);
  }
  console.info(`topology: both servers upgraded under ${answers.length} requests in ${((Date.now() - marks.stopA) / 1000).toFixed(1)} s (${seconds()} s)`);

  const failed = answers.filter((a) => a.status === 0 || a.status >= 500);
  const entries = accessLog(dir).slice(logged);
  const errors = entries.filter((entry) => entry.status >= 500);
  check(
    `upgrade under load (${UPGRADE.perSecond} requests a second): no 5xx at nginx and no dropped connection`,
    answers.length > 0 && failed.length === 0 && errors.length === 0,
    `${answers.length} requests: ${[...new Set(answers.map((a) => `${a.kind} ${a.status}`))].join(", ")}${errors.length ? `; ${errors.slice(0, 2).map((e) => e.line).join(" | ")}` : ""}`,
  );

  const posts = answers.filter((a) => a.kind === "post");
  const sent = posts.filter((a) => a.status === 200 && a.body.includes(SENT_TEXT));
  // A clear refusal is a page saying nothing was stored: the form's own message or a limit's.
  const refused = posts.filter((a) => !sent.includes(a) && a.status >= 400 && a.status < 500);
  const rows = new Map((await sql`select email, count(*)::int as n from contact_message where email like 'upgrade.%' group by email`).map((row) => [row.email, row.n]));
  const storedOnce = sent.filter((a) => rows.get(a.email) === 1).length;
  const strays = [...rows.keys()].filter((email) => !sent.some((a) => a.email === email));
  check(
    "every form post during the upgrade answered and its message stored exactly once, or clearly refused and nothing stored",
    posts.length > 0 && sent.length + refused.length === posts.length && storedOnce === sent.length && strays.length === 0,
    `${posts.length} posts: ${sent.length} sent (${storedOnce} stored once), ${refused.length} refused; ${strays.length} stored without an answer`,
  );

  const whileAhead = healthOfB.filter((h) => h.at >= marks.aheadB && h.at < marks.stopB);
  check(
    "the old server reports itself out of service while the schema is ahead: /api/health 503, and its pages 503 before any work",
    whileAhead.length > 0 && whileAhead.every((h) => h.status === 503 && h.migrations === "ahead") && pageOfOldB.status === 503 && /being updated/.test(pageOfOldB.body),
    `B stepped aside ${((marks.aheadB - marks.stoppedA) / 1000).toFixed(1)} s after A stopped (A healthy after ${((marks.upgradedA - marks.stoppedA) / 1000).toFixed(1)} s); its health then: ${[...new Set(whileAhead.map((h) => `${h.status} ${h.migrations}`))].join(", ")}; /contact ${pageOfOldB.status}`,
  );
  // $upstream_addr lists every server a request was tried on.
  const aroundB = entries.filter((entry) => /upstream=127\.0\.0\.1:\d+, 127\.0\.0\.1:\d+ /.test(entry.line));
  const servedWhileAhead = answers.filter((a) => a.at >= marks.aheadB && a.at < marks.stopB);
  check(
    "nginx routes around the stopped and the out-of-service server: their requests answered by the other",
    aroundB.length > 0 && servedWhileAhead.length > 0 && servedWhileAhead.every((a) => a.status > 0 && a.status < 500),
    `${aroundB.length} request(s) tried on both servers; ${servedWhileAhead.length} answered while B was out of service`,
  );

  const healths = await Promise.all(["A", "B"].map((letter) => direct(servers[letter], "/api/health")));
  const [{ added }] = await sql`select count(*)::int as added from information_schema.columns where table_name = 'contact_message' and column_name = ${UPGRADE.column}`;
  check(
    "after the upgrade both servers run the new release: healthy, migrations current, the new column in place",
    healths.every((r) => r.status === 200 && /"migrations":"current"/.test(r.body)) && added === 1,
    healths.map((r) => `${r.status} ${r.body.slice(0, 60)}`).join("; "),
  );
}

// ── PostgreSQL restarts under load ───────────────────────────────────────────
// A cluster of this run's own (scripts/private-postgres.mjs), two more servers
// and nginx in front of them. With pages and form posts coming in, a broadcast
// going out and acknowledgements in the outbox, PostgreSQL is stopped for a
// few seconds and started again. The servers are not touched.
const PG_RESTART = { nginx: 3328, postgres: 3330, gapMs: 4_000 };

async function checkPostgresRestart({ nginx, fake, relay, dir, servers }) {
  const bin = findPostgresBin();
  if (!check("PostgreSQL's server binaries are installed, for a cluster of the run's own", Boolean(bin), "apt-get install postgresql")) return;
  // The earlier servers are done: on a 2-core machine their sweeps would only slow this step's two.
  for (const letter of ["A", "B", "C"]) if (servers[letter]?.alive) servers[letter].signal("SIGTERM");
  await Promise.race([Promise.all(["A", "B", "C"].map((letter) => servers[letter]?.exited)), sleep(15_000)]);
  const work = path.join(dir, "pg-restart");
  const cluster = startPrivatePostgres({ bin, dir: path.join(work, "cluster"), port: PG_RESTART.postgres });
  cleanups.push(() => cluster.stop());
  const admin = postgres(cluster.url(), { onnotice: () => {}, max: 1 });
  await admin.unsafe("create database attune");
  await admin.end();
  const url = cluster.url("attune");
  servers.D = startServer("D", url, relay.url, dir);
  servers.E = startServer("E", url, relay.url, dir);
  await Promise.all([servers.D.ready(), servers.E.ready()]);
  const pids = [servers.D.pid, servers.E.pid];
  const proxy = await startLocalNginx({ nginx, dir: work, port: PG_RESTART.nginx, upstreams: [PORTS.D, PORTS.E] });
  cleanups.push(() => proxy.stop());
  const sql = postgres(url, { onnotice: () => {}, max: 2 });
  cleanups.push(() => sql.end({ timeout: 2 }));
  const through = (pathname, options) => http(PG_RESTART.nginx, pathname, options);

  const hidden = hiddenInputs((await through("/contact")).body, "message");
  const issue = await startIssue(sql, "pg-restart", 800);
  const answers = [];
  const health = { D: [], E: [] };
  let gap = null;
  let loading = true;
  let n = 0;
  // 5 requests a second, alternately a page that reads the database (/book) and a contact post from a new visitor.
  const load = (async () => {
    const inFlight = [];
    while (loading) {
      const i = n++;
      const at = Date.now();
      const kind = i % 2 === 1 ? "post" : "book";
      const request =
        kind === "post"
          ? through("/contact", {
              method: "POST",
              from: visitorAddress(20000 + i),
              headers: { origin: PUBLIC_URL },
              body: formOf({ ...hidden, formKey: randomUUID(), website: "", name: "Restart Visitor", email: `restart.${i}@example.com`, phone: "", preferredContact: "email", message: "Sent while the database restarts.", consent: "yes" }),
            })
          : through("/book?where=OR&type=intake&tz=UTC", { from: visitorAddress(20000 + i) });
      inFlight.push(
        request.then(
          (r) => answers.push({ i, at, kind, status: r.status, body: r.body }),
          (error) => answers.push({ i, at, kind, status: 0, body: String(error.message) }),
        ),
      );
      await sleep(200);
    }
    await Promise.all(inFlight);
  })();
  const watch = (async () => {
    while (loading) {
      await Promise.all(
        ["D", "E"].map(async (letter) => {
          const r = await http(PORTS[letter], "/api/health", { timeoutMs: 5_000 }).catch(() => ({ status: 0 }));
          health[letter].push({ at: Date.now(), status: r.status });
        }),
      );
      await sleep(250);
    }
  })();

  await sleep(3_000);
  cluster.stop();
  gap = { from: Date.now() };
  await sleep(PG_RESTART.gapMs);
  cluster.start();
  gap.until = Date.now();
  console.info(`topology: PostgreSQL stopped for ${((gap.until - gap.from) / 1000).toFixed(1)} s under load (${seconds()} s)`);
  await sleep(14_000);
  loading = false;
  await Promise.all([load, watch]);

  const during = answers.filter((a) => a.at >= gap.from + 500 && a.at <= gap.until - 500);
  const stackTrace = (body) => /\n\s+at [\w.<>]+ \(|node_modules|ECONNREFUSED|PostgresError/.test(body);
  // A post answers with the form's own "problem on our side" (what was typed kept); a page with the site's
  // error page, status 500, whose words the browser draws from (site)/error.tsx (e2e/database-down.spec.ts reads them).
  const fine = (a) =>
    a.kind === "post"
      ? a.status === 200 && (a.body.includes("a problem on our side") || a.body.includes(SENT_TEXT))
      : (a.status === 200 || a.status === 500) && /<html/i.test(a.body);
  const ourSide = (a) => a.kind === "post" && a.body.includes("a problem on our side");
  check(
    "a request during the gap gets the \"problem on our side\" page, never a stack trace or a dropped connection",
    during.length > 0 && during.every((a) => fine(a) && !stackTrace(a.body)) && during.some(ourSide),
    `${during.length} during the gap: ${[...new Set(during.map((a) => `${a.kind} ${a.status}${ourSide(a) ? " our-side" : ""}`))].join(", ")}`,
  );
  // Connection attempts begun in the gap give up after 5 s (connect_timeout in db/client.ts), and a loaded
  // 2-core machine answers slowly: recovered means both servers, unrestarted, answer normally again.
  const after = answers.filter((a) => a.at >= gap.until + 7_000);
  const normal = [];
  for (let i = 0; i < 40 && normal.filter(Boolean).length < 6; i += 1) {
    const letter = i % 2 === 0 ? "D" : "E";
    const page = await direct(servers[letter], "/book?where=OR&type=intake&tz=UTC").catch(() => ({ status: 0 }));
    normal.push(page.status === 200);
    if (page.status !== 200) await sleep(500);
  }
  check(
    "the servers recover without a restart: both answer the database's pages and accept posts again",
    normal.filter(Boolean).length >= 6 && after.some((a) => a.kind === "post" && a.body.includes(SENT_TEXT)) && servers.D.alive && servers.E.alive && servers.D.pid === pids[0] && servers.E.pid === pids[1],
    `under load after the gap: ${[...new Set(after.map((a) => `${a.kind} ${a.status}`))].join(", ")}; then ${normal.map((ok) => (ok ? "200" : "✗")).join(",")}`,
  );
  const recovered = {};
  for (const letter of ["D", "E"]) {
    recovered[letter] = await poll(`${letter}'s health`, () => http(PORTS[letter], "/api/health").then((r) => r.status === 200, () => false), 20_000, 250).catch(() => false);
  }
  const downInGap = (letter) => health[letter].some((h) => h.at >= gap.from && h.at <= gap.until && h.status === 503);
  check(
    "/api/health on each server: 503 while PostgreSQL is down, then 200 again",
    downInGap("D") && downInGap("E") && recovered.D && recovered.E,
    ["D", "E"].map((l) => `${l}: ${health[l].filter((h) => h.at >= gap.from - 1000).map((h) => h.status).join(",")}`).join("; "),
  );

  // Acknowledgements whose first try met the gap wait out their backoff (30 s): the test lets that time pass.
  await sql`update outbox_email set next_attempt_at = now() where status = 'pending'`;
  await poll(
    "the broadcast and the outbox to finish after the restart",
    async () =>
      (await sql`select status from newsletter_issue where id = ${issue.id}::uuid`)[0].status === "sent" &&
      (await sql`select count(*)::int as n from outbox_email where status <> 'sent'`)[0].n === 0,
    // A sender or dispatcher whose work met the gap keeps its claim until it lapses (120 s), then another takes over.
    150_000,
    500,
  ).catch(() => undefined);
  const [{ unsent }] = await sql`select count(*)::int as unsent from outbox_email where status <> 'sent'`;
  const [{ status }] = await sql`select status from newsletter_issue where id = ${issue.id}::uuid`;
  const counts = deliveriesOf(fake, issue.subject);
  const twice = [...counts.values()].filter((k) => k > 1).length;
  const accepted = answers.filter((a) => a.kind === "post" && a.body.includes(SENT_TEXT)).map((a) => `restart.${a.i}@example.com`);
  const acknowledged = accepted.filter((to) => fake.emails().filter((email) => email.to.includes(to)).length === 1).length;
  check(
    `after the restart the outbox and the broadcast resume: each of ${issue.recipients} subscribers and ${accepted.length} accepted posts mailed exactly once`,
    status === "sent" && unsent === 0 && counts.size === issue.recipients && twice === 0 && acknowledged === accepted.length,
    `issue ${status}, ${unsent} unsent, ${counts.size} mailed, ${twice} twice, ${acknowledged}/${accepted.length} acknowledgements`,
  );
}

const watchdog = setTimeout(() => {
  console.error(`topology: still running after ${MAX_SECONDS} s; giving up.`);
  results.failed += 1;
  cleanUp().finally(() => {
    if (process.env.TOPOLOGY_REPORT) writeFileSync(process.env.TOPOLOGY_REPORT, JSON.stringify(results));
    console.info(`\n${results.passed} passed, ${results.failed} failed`);
    process.exit(1);
  });
}, MAX_SECONDS * 1000);

let ran = false;
try {
  ran = await main();
} catch (error) {
  check("the topology run itself", false, error instanceof Error ? error.message : String(error));
}
clearTimeout(watchdog);
// For scripts/test.mjs's totals.
if (process.env.TOPOLOGY_REPORT) writeFileSync(process.env.TOPOLOGY_REPORT, JSON.stringify({ ...results, seconds: Number(seconds()) }));
console.info(`\ntopology: ${seconds()} s`);
console.info(`${results.passed} passed, ${results.failed} failed`);
process.exit(ran && results.failed === 0 ? 0 : 1);
