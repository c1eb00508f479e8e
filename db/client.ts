import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

type Connection = { db: Database; close: () => Promise<void> };

// Next bundles this module into several server chunks (and re-evaluates it on
// hot reload), but an on-disk PGlite must be opened by exactly one instance in
// the process, so the connection lives on globalThis.
const globalForDb = globalThis as typeof globalThis & {
  __attuneDb?: Promise<Connection>;
  __attuneStartUp?: { work: Promise<void> | undefined; scope: AsyncLocalStorage<true> };
};

function startUp() {
  return (globalForDb.__attuneStartUp ??= { work: undefined, scope: new AsyncLocalStorage<true>() });
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

async function connect(): Promise<Connection> {
  const { DATABASE_URL, PGLITE_DIR } = env();
  if (DATABASE_URL) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    // connect_timeout: while PostgreSQL shuts down or starts, its socket can take a connection and never answer;
    // postgres-js's default 30 s would hold a visitor's request (and the health check) that long.
    const client = postgres(DATABASE_URL, { max: 10, onnotice: () => {}, connect_timeout: 5 });
    const db = drizzle(client, { schema });
    // Servers starting together (two behind nginx, say) would each apply the
    // same pending migration and all but one would fail to start; one at a
    // time, the later ones find nothing left to do.
    const lock = await client.reserve();
    try {
      await lock`select pg_advisory_lock(7240312)`;
      await migrate(db, { migrationsFolder });
    } finally {
      await lock`select pg_advisory_unlock(7240312)`.catch(() => undefined);
      lock.release();
    }
    return { db: db as unknown as Database, close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = PGLITE_DIR.startsWith("memory://");
  // PGlite will not create missing parent folders of its data directory.
  if (!inMemory) mkdirSync(PGLITE_DIR, { recursive: true });
  if (!inMemory && !existsSync(path.join(PGLITE_DIR, "PG_VERSION"))) await createCluster(PGLITE_DIR);
  const client = new PGlite(inMemory ? undefined : PGLITE_DIR);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Database, close: () => client.close() };
}

// CommonJS, as Node runs a worker's eval'd code; resolved from the project folder.
const CREATE_CLUSTER = `
const { parentPort, workerData } = require("node:worker_threads");
import("@electric-sql/pglite").then(async ({ PGlite }) => {
  const client = new PGlite(workerData);
  await client.waitReady;
  await client.close();
  parentPort.postMessage("created");
});`;

/**
 * Creating the embedded cluster (initdb, in WebAssembly) is seconds of solid
 * CPU that hold the event loop for seconds at a time: in a worker thread, a
 * fresh clone's `npm run dev` keeps compiling and answering meanwhile. Should
 * the worker fail, PGlite creates the cluster itself when it opens.
 */
async function createCluster(dir: string) {
  const { Worker } = await import("node:worker_threads");
  await new Promise<void>((resolve) => {
    const worker = new Worker(CREATE_CLUSTER, { eval: true, workerData: dir });
    worker.once("message", () => resolve());
    worker.once("error", () => resolve());
    worker.once("exit", () => resolve());
  });
}

function connection(): Promise<Connection> {
  globalForDb.__attuneDb ??= connect().catch((error: unknown) => {
    // Not cached: once the database is back, the next request reconnects.
    globalForDb.__attuneDb = undefined;
    throw error;
  });
  return globalForDb.__attuneDb;
}

/**
 * The database, connected and migrated on first use. Migrations run here
 * rather than in a separate step so that `npm run dev` on a bare machine and
 * `next start` on a fresh PostgreSQL both come up with the current schema.
 */
export async function getDb(): Promise<Database> {
  const { db } = await connection();
  const { work, scope } = startUp();
  if (work && !scope.getStore()) await work;
  return db;
}

/**
 * Runs a server's start-up work on the database (the demo seed, erasures to
 * apply again) so that requests may already be taken while it runs: until it
 * is over, getDb() holds every caller but the work itself, so no request sees
 * the database half prepared. It must not throw (log instead).
 */
export function prepareDatabase(work: () => Promise<void>): Promise<void> {
  const state = startUp();
  const running = state.scope.run(true, work).finally(() => {
    if (state.work === running) state.work = undefined;
  });
  state.work = running;
  return running;
}

export function databaseEngine(): "pglite" | "postgres" {
  return env().DATABASE_URL ? "postgres" : "pglite";
}

/** Closes the connection; scripts and tests call this so the process can exit. */
export async function closeDb() {
  const pending = globalForDb.__attuneDb;
  globalForDb.__attuneDb = undefined;
  const c = await pending?.catch(() => undefined);
  await c?.close();
}

export { schema };
