import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { env } from "@/lib/env";

/** Refuses to wipe anything but a local database, whatever DATABASE_URL says. */
export function assertLocalDatabase() {
  const url = env().DATABASE_URL;
  if (!url) return;
  const { hostname } = new URL(url);
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(hostname)) {
    throw new Error(`Tests refuse to run against a non-local database (${hostname}).`);
  }
}

const tables = Object.values(schema).filter(
  (value): value is typeof schema.contactMessages => typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value,
);

/** Empties every table, so each test starts from nothing. */
export async function resetDatabase() {
  assertLocalDatabase();
  const db = await getDb();
  await db.execute(sql`truncate table ${sql.join(tables, sql`, `)} cascade`);
}
