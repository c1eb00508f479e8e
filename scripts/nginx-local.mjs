// nginx with the shipped site (deploy/nginx/attune.conf), run from a folder
// of its own for the topology test and the proxy benchmark. Only ports and
// paths are rewritten, and the TLS parts go (no certificate here), so what is
// tested and measured is the config a deployer installs.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";

/** The shipped site with this run's ports and paths; throws if a line it rewrites has changed. */
export function rewriteSite(site, { dir, port, upstreams }) {
  const [first, second, ...more] = upstreams;
  const rewrites = [
    // The upstream's app servers, on this run's ports (a third and more after the second).
    [/server 127\.0\.0\.1:3001 ([^\n]*)\n/, (_, rest) => `server 127.0.0.1:${first} ${rest}\n`],
    [/server 127\.0\.0\.1:3002 ([^\n]*)\n/, (_, rest) => `server 127.0.0.1:${second} ${rest}\n${more.map((p) => `    server 127.0.0.1:${p} ${rest}\n`).join("")}`],
    [/\/var\/cache\/nginx\/attune/, path.join(dir, "cache")],
    // No certificate here: the HTTPS server listens in plain HTTP on one port, and the redirect server goes.
    [/# BEGIN http-redirect[\s\S]*?# END http-redirect\n/, ""],
    [/# BEGIN tls[\s\S]*?# END tls\n/, ""],
    [/listen 443 ssl http2;\n\s*listen \[::\]:443 ssl http2;/, `listen 127.0.0.1:${port};`],
    [/server_name practice\.example\.org;/, "server_name localhost;"],
    [/\/var\/log\/nginx\/attune\.access\.log/, path.join(dir, "access.log")],
    [/\/var\/log\/nginx\/attune\.error\.log/, path.join(dir, "error.log")],
  ];
  let text = site;
  for (const [pattern, replacement] of rewrites) {
    if (!pattern.test(text)) throw new Error(`deploy/nginx/attune.conf no longer matches ${pattern}; update scripts/nginx-local.mjs with it`);
    text = text.replace(pattern, replacement);
  }
  return text;
}

function answers(port) {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/__nginx_up", agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

/**
 * Starts nginx (daemon off, its own process group) with the shipped site on
 * `port` in front of `upstreams`. `extraServers` is raw config added to the
 * http block (the benchmark's static-file server). Returns { stop }.
 */
export async function startLocalNginx({ nginx, dir, port, upstreams, extraServers = "" }) {
  mkdirSync(path.join(dir, "cache"), { recursive: true });
  mkdirSync(path.join(dir, "temp"), { recursive: true });
  writeFileSync(path.join(dir, "attune.conf"), rewriteSite(readFileSync("deploy/nginx/attune.conf", "utf8"), { dir, port, upstreams }));
  const mimeTypes = existsSync("/etc/nginx/mime.types") ? "include /etc/nginx/mime.types;" : "";
  // Started as root (CI), nginx runs its workers as another user, as Debian's does with www-data;
  // they must reach the cache and temp folders of this run.
  let user = "";
  if (process.getuid?.() === 0) {
    const worker = /^www-data:/m.test(readFileSync("/etc/passwd", "utf8")) ? "www-data" : "nobody";
    user = `user ${worker};`;
    chmodSync(dir, 0o755);
    spawnSync("chown", ["-R", worker, path.join(dir, "cache"), path.join(dir, "temp")]);
  }
  // Debian's /etc/nginx/nginx.conf, cut down to what a prefix of our own needs.
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `${user}
worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    ${mimeTypes}
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    client_body_temp_path ${dir}/temp/body;
    proxy_temp_path ${dir}/temp/proxy;
    fastcgi_temp_path ${dir}/temp/fastcgi;
    uwsgi_temp_path ${dir}/temp/uwsgi;
    scgi_temp_path ${dir}/temp/scgi;
    access_log off;
    include ${dir}/attune.conf;
${extraServers}
}
`,
  );
  const config = ["-p", dir, "-c", path.join(dir, "nginx.conf")];
  const test = spawnSync(nginx, [...config, "-t"], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx -t refused the config:\n${test.stderr}`);
  const child = spawn(nginx, [...config, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"], detached: true });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (Date.now() > deadline) throw new Error("nginx did not come up");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    stop: async () => {
      try {
        process.kill(child.pid, "SIGQUIT");
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // gone
      }
    },
  };
}
