import "server-only";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { getDb, migrationsFolder } from "@/db/client";
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
  return {
    status: shuttingDown() ? "stopping" : migrations === "current" ? "ok" : "degraded",
    database: "ok",
    migrations,
    outbox: { due: result.due, oldestDueSeconds: Math.max(0, Math.round(result.oldest)) },
  };
}

// postgres-js answers with an array of rows, PGlite with { rows }.
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
