// `npm run db:reapply-erasures`: after restoring a backup, erases again
// everyone on the list of erasures (ERASURES_FILE) whom the restored dump
// brought back. Each server also does this when it starts; run it anyway
// before the servers, so no request meets a restored person.
import { closeDb } from "@/db/client";
import { reapplyErasures } from "@/lib/privacy/erasure-ledger";

async function main() {
  const { people, erased } = await reapplyErasures();
  await closeDb();
  const rows = Object.values(erased).reduce((sum, n) => sum + n, 0);
  console.info(people > 0 ? `Erased again ${people} person(s) the database held (${rows} row(s)).` : "No one on the list of erasures is in the database.");
}

main().catch((error: unknown) => {
  // A database error's message carries its parameters (addresses here): its name and code only.
  console.error("Re-applying erasures failed:", error instanceof Error ? `${error.name} ${(error as { code?: string }).code ?? ""}` : "unknown error");
  process.exit(1);
});
