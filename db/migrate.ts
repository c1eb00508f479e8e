// `npm run db:migrate`: applies db/migrations to the configured database
// (DATABASE_URL, or the embedded PGlite under .data/ when it is unset).
import { closeDb, databaseEngine, getDb } from "./client";

async function main() {
  await getDb();
  console.info(`Migrations applied (${databaseEngine()}).`);
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
