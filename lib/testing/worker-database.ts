import postgres from "postgres";

/*
 * Each integration worker gets a database of its own on PostgreSQL, so files
 * run side by side instead of taking turns with one: every test truncates
 * every table, which two files sharing one database would feel. PGlite in
 * memory is already one database per worker.
 */

const SUFFIX = /_w\d+$/;

/** The database a worker uses: DATABASE_URL's own name with `_w<pool id>` after it. */
export function workerDatabaseUrl(baseUrl: string, poolId: string): string {
  const url = new URL(baseUrl);
  const name = url.pathname.slice(1).replace(SUFFIX, "");
  url.pathname = `/${name}_w${poolId}`;
  return url.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Creates the worker's database if this worker has not yet (migrations run on first connection). */
export async function ensureWorkerDatabase(baseUrl: string, workerUrl: string) {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    const name = databaseName(workerUrl);
    const [found] = await admin`select 1 from pg_database where datname = ${name}`;
    // Two workers never share a name, so no race between the check and the create.
    if (!found) await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Drops every worker database made from DATABASE_URL (vitest's global teardown). */
export async function dropWorkerDatabases(baseUrl: string) {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    const base = databaseName(baseUrl).replace(SUFFIX, "");
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname ~ ${`^${base.replace(/[^A-Za-z0-9_]/g, "\\$&")}_w[0-9]+$`}`;
    for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname.replaceAll('"', '""')}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
