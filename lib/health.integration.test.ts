import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { checkHealth, SCHEMA_WATCH_MS, watchMigrations } from "@/lib/health";
import { markSchemaAhead, outOfService } from "@/lib/server/out-of-service";

const NEWER = "a-migration-of-a-newer-release";

afterEach(async () => {
  const db = await getDb();
  await db.execute(sql`delete from drizzle.__drizzle_migrations where hash = ${NEWER}`);
  markSchemaAhead(false);
});

describe("a newer release migrates the database under a running server", () => {
  it("steps aside within the watch interval, health says ahead, and it comes back once the database matches its build", async () => {
    const db = await getDb();
    const stop = watchMigrations();
    try {
      expect(outOfService()).toBe(false);
      await db.execute(sql`
        insert into drizzle.__drizzle_migrations (hash, created_at)
        select ${NEWER}, max(created_at) + 1000 from drizzle.__drizzle_migrations`);
      await expect.poll(outOfService, { timeout: SCHEMA_WATCH_MS * 2, interval: 50 }).toBe(true);
      expect(await checkHealth()).toMatchObject({ status: "degraded", migrations: "ahead" });

      await db.execute(sql`delete from drizzle.__drizzle_migrations where hash = ${NEWER}`);
      await expect.poll(outOfService, { timeout: SCHEMA_WATCH_MS * 2, interval: 50 }).toBe(false);
    } finally {
      stop();
    }
  });
});
