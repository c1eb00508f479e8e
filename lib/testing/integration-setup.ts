import { afterAll, beforeEach } from "vitest";
import { closeDb } from "@/db/client";
import { deferred, request } from "./request-scope";
import { resetDatabase } from "./reset";

// Integration tests run against the real database: PostgreSQL when
// DATABASE_URL is set (CI), otherwise an in-memory PGlite.
process.env.PGLITE_DIR ??= "memory://";
process.env.RATE_LIMIT_SALT ??= "integration-test-salt";
process.env.APP_URL ??= "http://localhost:3000";

beforeEach(async () => {
  request.reset();
  deferred.length = 0;
  await resetDatabase();
});

afterAll(async () => {
  await closeDb();
});
