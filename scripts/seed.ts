// `npm run db:seed`: demo data for development (lib/demo/seed-demo.ts), safe
// to run any number of times. `npm run dev` needs no separate seed: its
// server seeds on start (SEED_DEMO=1).
import { closeDb, databaseEngine } from "@/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";

async function main() {
  const { messages, week } = await seedDemo();
  console.info(`Seeded ${databaseEngine()}: ${messages} new demo message(s).`);
  if (week) console.info("Seeded the booking week from content/practice.ts.");
  await closeDb();
}

main().catch((error: unknown) => {
  console.error("Seeding failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
