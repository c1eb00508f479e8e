import { dropWorkerDatabases } from "./worker-database";

/** Leaves no worker database behind on the PostgreSQL server once the run ends. */
export async function teardown() {
  const { DATABASE_URL } = process.env;
  if (DATABASE_URL) await dropWorkerDatabases(DATABASE_URL);
}
