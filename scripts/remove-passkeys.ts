// `npm run passkeys:remove -- <address>`: for whoever runs the server, when
// the therapist has lost both her passkey and her recovery codes. Removes
// every passkey and recovery code of that address (recorded in the audit
// log), so the emailed link alone signs her in again; she then adds a new
// passkey from Security. Runs against the configured database (DATABASE_URL,
// else the embedded one), as the server does.
import { closeDb } from "@/db/client";
import { removeSecondFactor } from "@/lib/auth/second-factor-reset";

async function main() {
  const address = process.argv[2];
  if (!address || process.argv.length > 3) {
    console.error("Usage: npm run passkeys:remove -- <therapist's email address>");
    process.exitCode = 2;
    return;
  }
  const removed = await removeSecondFactor(address);
  await closeDb();
  if (!removed) {
    console.error("No one has signed in with that address here; nothing was removed.");
    process.exitCode = 1;
    return;
  }
  console.info(`Removed ${removed.passkeys} passkey(s) and ${removed.recoveryCodes} recovery code(s). The emailed link alone signs in now; add a new passkey under Security.`);
}

main().catch((error: unknown) => {
  console.error("Removing passkeys failed:", error instanceof Error ? error.name : error);
  process.exit(1);
});
