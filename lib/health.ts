import "server-only";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { databaseEngine, getDb, migrationsFolder } from "@/db/client";
import { markSchemaAhead } from "@/lib/server/out-of-service";
import { shuttingDown } from "@/lib/server/shutdown";

/** A health check that waits longer than this for the database calls it unreachable: a proxy polls every few seconds. */
const DATABASE_TIMEOUT_MS = 2_000;

export type Health =
  | {
      status: "ok" | "stopping" | "degraded";
      database: "ok";
      migrations: MigrationState;
      outbox: { due: number; oldestDueSeconds: number };
    }
  | { status: "down"; database: "unreachable" };

/**
 * current: the database holds exactly the migrations this build ships.
 * pending: it lacks some (this server's start-up migration failed).
 * ahead: it holds more (a newer release migrated it; this server is the old one).
 * mismatch: a shipped migration's SQL differs from what was applied.
 */
export type MigrationState = "current" | "pending" | "ahead" | "mismatch";

// The shipped migrations never change while the process runs, so they are hashed once.
let shipped: { hash: string; folderMillis: number }[] | null = null;

function shippedMigrations() {
  shipped ??= readMigrationFiles({ migrationsFolder }).map(({ hash, folderMillis }) => ({ hash, folderMillis }));
  return shipped;
}

export function compareMigrations(expected: { hash: string }[], applied: { hash: string }[]): MigrationState {
  const common = Math.min(expected.length, applied.length);
  for (let i = 0; i < common; i += 1) if (expected[i]!.hash !== applied[i]!.hash) return "mismatch";
  if (applied.length < expected.length) return "pending";
  if (applied.length > expected.length) return "ahead";
  return "current";
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database timed out")), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One query on tiny or indexed tables: the applied migrations (a handful of
 * rows), and the count and age of outbox rows due now (the dispatcher's own
 * index). Fit to serve only when status is "ok".
 */
export async function checkHealth(): Promise<Health> {
  let result: { applied: { hash: string }[]; due: number; oldest: number };
  try {
    result = await withTimeout(
      (async () => {
        const db = await getDb();
        // One round trip: the applied migrations' hashes beside the outbox backlog.
        const [row] = rowsOf<{ hashes: string[] | null; due: number; oldest: number }>(
          await db.execute(sql`
            select
              (select array_agg(hash order by created_at, id) from drizzle.__drizzle_migrations) as hashes,
              count(*)::int as due,
              coalesce(extract(epoch from now() - min(case when status = 'pending' then next_attempt_at else locked_until end)), 0)::float8 as oldest
            from outbox_email
            where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and locked_until <= now())`),
        );
        const applied = (row?.hashes ?? []).map((hash) => ({ hash }));
        return { applied, due: Number(row?.due ?? 0), oldest: Number(row?.oldest ?? 0) };
      })(),
      DATABASE_TIMEOUT_MS,
    );
  } catch {
    return { status: "down", database: "unreachable" };
  }
  const migrations = compareMigrations(shippedMigrations(), result.applied);
  markSchemaAhead(migrations === "ahead");
  return {
    status: shuttingDown() ? "stopping" : migrations === "current" ? "ok" : "degraded",
    database: "ok",
    migrations,
    outbox: { due: result.due, oldestDueSeconds: Math.max(0, Math.round(result.oldest)) },
  };
}

/**
 * How often a server looks for a newer release's migrations. Within this
 * long of the new release migrating, the old server steps aside; until then
 * it may still serve on the new schema, which is why a migration must be
 * additive (README, "Upgrading").
 */
export const SCHEMA_WATCH_MS = 2_000;

/**
 * Compares the database's migrations with this build's now and every
 * SCHEMA_WATCH_MS, so the old server of a rolling upgrade answers 503 (see
 * lib/server/out-of-service.ts) without waiting for a health check to notice.
 * Only on PostgreSQL: the embedded database is one process's alone, so no
 * other release can migrate it under this one. Returns the stop.
 */
export function watchMigrations(): () => void {
  if (databaseEngine() === "pglite") return () => {};
  let running = false;
  const look = () => {
    if (running) return;
    running = true;
    withTimeout(appliedMigrations(), DATABASE_TIMEOUT_MS)
      .then(
        (applied) => markSchemaAhead(compareMigrations(shippedMigrations(), applied) === "ahead"),
        // Unreachable: the health check says so; the last answer stands until the database is back.
        () => undefined,
      )
      .finally(() => {
        running = false;
      });
  };
  look();
  const timer = setInterval(look, SCHEMA_WATCH_MS);
  timer.unref();
  return () => clearInterval(timer);
}

async function appliedMigrations(): Promise<{ hash: string }[]> {
  const db = await getDb();
  const [row] = rowsOf<{ hashes: string[] | null }>(await db.execute(sql`select array_agg(hash order by created_at, id) as hashes from drizzle.__drizzle_migrations`));
  return (row?.hashes ?? []).map((hash) => ({ hash }));
}

// postgres-js answers with an array of rows, PGlite with { rows }.
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
