// `npm run bench:proxy`: what the proxy in front buys. First /api/health at a
// steady 50 requests a second on PostgreSQL (the rate a monitor or load
// balancer polls at), direct and through nginx. Then one post, asked for three
// ways under the same load: from `next start` alone, through the shipped nginx
// site (deploy/nginx/attune.conf) in front of two servers, and as the same
// HTML saved to a file that nginx serves from disk. Requests per second and
// p99, one run, ratios printed.
//
// Needs Debian's nginx (apt-get install nginx-light) and a local PostgreSQL
// (BENCH_DATABASE_URL, else 127.0.0.1:5432); skips what it cannot run. The
// load generator is autocannon, in this process, on loopback, for
// BENCH_PROXY_SECONDS (8) per measurement. Ports 3330–3334.
import { spawnSync } from "node:child_process";
import { get as httpGet } from "node:http";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { findNginx } from "../scripts/find-nginx.mjs";
import { startLocalNginx } from "../scripts/nginx-local.mjs";
import { createLocalDatabase, ensureBuild, startApp, table } from "./lib.mjs";

const SECONDS = Number(process.env.BENCH_PROXY_SECONDS ?? 8);
const CONNECTIONS = 50;
const NGINX_PORT = 3330;
const APP_PORTS = [3331, 3332];
const STATIC_PORT = 3333;
const PUBLIC_URL = `http://localhost:${NGINX_PORT}`;

function load(url, { connections = CONNECTIONS, duration = SECONDS, overallRate, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, overallRate, headers: { host: `localhost:${NGINX_PORT}`, ...headers } }, (error, result) => {
      if (error) reject(error);
      else resolve(result);
    });
  });
}

const figures = (label, result) => ({
  "": label,
  "req/s": Math.round(result.requests.average),
  "p50 ms": result.latency.p50,
  "p99 ms": result.latency.p99,
  non2xx: result.non2xx + result.errors,
});

export async function runProxyBench() {
  const nginx = findNginx();
  if (!nginx) {
    console.info("\nProxy benchmark skipped: nginx is not installed (sudo apt-get install -y nginx-light).");
    return;
  }
  const databaseUrl = createLocalDatabase("attune_bench_proxy");
  if (!databaseUrl) {
    console.info("\nProxy benchmark skipped: no local PostgreSQL (set BENCH_DATABASE_URL).");
    return;
  }
  ensureBuild();
  const dir = mkdtempSync(path.join(tmpdir(), "attune-bench-proxy-"));
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    APP_URL: PUBLIC_URL,
    POSTS_FIXTURES_DIR: "",
    RESEND_API_KEY: "re_bench_not_a_key",
    RESEND_BASE_URL: "http://127.0.0.1:9",
    CRON_SECRET: "bench-cron-secret-that-is-long-enough-000",
    RATE_LIMIT_SALT: "bench-rate-limit-salt",
    AUTH_SECRET: "bench-auth-secret-that-is-long-enough-0000000",
    THERAPIST_EMAILS: "therapist@bench.example",
    BOOKING_LINK_SECRET: "bench-booking-link-secret-that-is-long-enough",
    NEWSLETTER_TOKEN_SECRET: "bench-newsletter-secret-that-is-long-enough",
    TRUSTED_IP_HEADER: "x-real-ip",
    OUTBOX_SWEEP_INTERVAL_SECONDS: "0",
  };
  const apps = [];
  let proxy;
  try {
    // One after the other: the first migrates the fresh database.
    for (const port of APP_PORTS) apps.push(await startApp({ port, env }));
    const blog = await (await fetch(`${apps[0].url}/blog`)).text();
    const slug = /href="\/blog\/([a-z0-9-]+)"/.exec(blog)?.[1];
    if (!slug) throw new Error("the blog lists no post");
    const postPath = `/blog/${slug}`;
    // The very HTML next start serves, as a file.
    mkdirSync(path.join(dir, "static", "blog"), { recursive: true });
    writeFileSync(path.join(dir, "static", "blog", `${slug}.html`), await (await fetch(`${apps[0].url}${postPath}`)).text());
    proxy = await startLocalNginx({
      nginx,
      dir,
      port: NGINX_PORT,
      upstreams: APP_PORTS,
      extraServers: `    server {
        listen 127.0.0.1:${STATIC_PORT};
        root ${dir}/static;
        location / { default_type text/html; try_files $uri.html =404; }
    }`,
    });
    // Warm every path once, so the proxy's cache holds the post.
    for (const url of [`http://127.0.0.1:${NGINX_PORT}${postPath}`, `http://127.0.0.1:${STATIC_PORT}${postPath}`, `http://127.0.0.1:${APP_PORTS[0]}${postPath}`]) {
      await load(url, { connections: 1, duration: 1 });
    }
    const cacheStatus = await new Promise((resolve, reject) =>
      httpGet({ host: "127.0.0.1", port: NGINX_PORT, path: postPath, headers: { host: `localhost:${NGINX_PORT}` } }, (res) => {
        res.resume();
        resolve(res.headers["x-cache-status"]);
      }).on("error", reject),
    );

    // Health first, as a monitor sees it: polling servers that are up and
    // warm, not ones still digesting a saturating benchmark. The route's first
    // load (Next compiles it on its first request) is warmed away.
    console.info(`\n/api/health at 50 requests/s for ${SECONDS} s, PostgreSQL, after 3 s of the same to warm it`);
    const healthRows = [];
    for (const [label, base] of [["direct to one server", `http://127.0.0.1:${APP_PORTS[0]}`], ["through deploy/nginx", `http://127.0.0.1:${NGINX_PORT}`]]) {
      await load(`${base}/api/health`, { connections: 5, overallRate: 50, duration: 3 });
      healthRows.push(figures(label, await load(`${base}/api/health`, { connections: 5, overallRate: 50 })));
    }
    console.info(table(healthRows, ["", "req/s", "p50 ms", "p99 ms", "non2xx"]));
    console.info("target: p99 < 20 ms");

    console.info(`\nA post (${postPath}), ${CONNECTIONS} connections, ${SECONDS} s each, keep-alive, no compression asked`);
    const direct = await load(`http://127.0.0.1:${APP_PORTS[0]}${postPath}`);
    const proxied = await load(`http://127.0.0.1:${NGINX_PORT}${postPath}`);
    const fromDisk = await load(`http://127.0.0.1:${STATIC_PORT}${postPath}`);
    console.info(
      table(
        [figures("next start alone (one server)", direct), figures(`through deploy/nginx (cache ${cacheStatus})`, proxied), figures("nginx, same HTML from disk", fromDisk)],
        ["", "req/s", "p50 ms", "p99 ms", "non2xx"],
      ),
    );
    const ratio = proxied.requests.average / fromDisk.requests.average;
    console.info(
      `through nginx ÷ from disk: ${ratio.toFixed(2)}× (target ≥ 0.5×)   through nginx ÷ next start: ${(proxied.requests.average / direct.requests.average).toFixed(1)}×`,
    );

  } finally {
    await proxy?.stop();
    for (const app of apps) await app.stop();
    rmSync(dir, { recursive: true, force: true });
    if (!process.env.BENCH_DATABASE_URL) spawnSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-qc", "DROP DATABASE IF EXISTS attune_bench_proxy WITH (FORCE)"]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runProxyBench();
