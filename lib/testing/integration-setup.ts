import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach } from "vitest";
import { closeDb } from "@/db/client";
import { deferred, request } from "./request-scope";
import { resetDatabase } from "./reset";
import { ensureWorkerDatabase, workerDatabaseUrl } from "./worker-database";

// Integration tests run against the real database: PostgreSQL when
// DATABASE_URL is set (CI), otherwise an in-memory PGlite.
process.env.PGLITE_DIR ??= "memory://";
if (process.env.DATABASE_URL) {
  const base = process.env.DATABASE_URL;
  process.env.DATABASE_URL = workerDatabaseUrl(base, process.env.VITEST_POOL_ID ?? "0");
  await ensureWorkerDatabase(base, process.env.DATABASE_URL);
}
process.env.RATE_LIMIT_SALT ??= "integration-test-salt";
process.env.APP_URL ??= "http://localhost:3000";
// Each worker its own list of erasures, emptied with the database.
process.env.ERASURES_FILE ??= path.join(tmpdir(), `attune-erasures-${process.pid}-${process.env.VITEST_POOL_ID ?? "0"}`);

beforeEach(async () => {
  request.reset();
  deferred.length = 0;
  await resetDatabase();
  rmSync(process.env.ERASURES_FILE!, { force: true });
});

afterAll(async () => {
  await closeDb();
  rmSync(process.env.ERASURES_FILE!, { force: true });
});
