// A PostgreSQL cluster of the topology test's own (initdb into a temporary
// folder, on its own port), for the steps that stop or restart PostgreSQL:
// the machine's shared cluster (CI's test database lives there) is never
// touched. Debian's server binaries; run as the postgres OS user when root,
// since PostgreSQL refuses to run as root.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";

/** The newest /usr/lib/postgresql/N/bin with initdb and pg_ctl, or null. */
export function findPostgresBin() {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, "bin");
    if (existsSync(path.join(bin, "initdb")) && existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

/**
 * initdb and start a cluster in `dir` on 127.0.0.1:`port` (trust auth, fsync
 * off: a test's data). Returns { url(database), stop(), start(), restart() }.
 */
export function startPrivatePostgres({ bin, dir, port }) {
  const asRoot = process.getuid?.() === 0;
  const data = path.join(dir, "data");
  mkdirSync(dir, { recursive: true });
  if (asRoot) {
    const pg = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const uid = Number(pg.stdout.trim());
    if (!Number.isInteger(uid) || pg.status !== 0) throw new Error("running as root and there is no postgres user to run PostgreSQL as");
    chownSync(dir, uid, uid);
  }
  const run = (program, args) => {
    const command = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]] : [path.join(bin, program), args];
    const result = spawnSync(command[0], command[1], { encoding: "utf8", timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${program} ${args[0] ?? ""} failed: ${result.stderr || result.stdout}`);
    return result;
  };
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const log = path.join(dir, "postgres.log");
  const cluster = {
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => run("pg_ctl", ["-D", data, "-o", options, "-l", log, "-w", "start"]),
    stop: () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]),
    user: asRoot ? "postgres" : userInfo().username,
  };
  cluster.start();
  return cluster;
}
