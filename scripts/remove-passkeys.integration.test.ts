import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { passkeys, recoveryCodes, users } from "@/db/schema";
import { auditTrail } from "@/lib/testing/private-area";
import { THERAPIST } from "@/lib/testing/therapist-session";

const run = promisify(execFile);

/** The script as whoever runs the server runs it: its own process, on the configured database. */
async function removePasskeys(...args: string[]) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "--conditions=react-server", "scripts/remove-passkeys.ts", ...args], { env: process.env, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("scripts/remove-passkeys.ts", () => {
  it("without an address, says how to use it and changes nothing", async () => {
    expect(await removePasskeys()).toEqual({ code: 2, output: expect.stringContaining("Usage: npm run passkeys:remove -- <") });
  }, 60_000);

  // Another process shares the database only when it is a server; the embedded one lives in this process's memory.
  it.skipIf(!process.env.DATABASE_URL)("removes the therapist's passkeys and codes, and says how many", async () => {
    const db = await getDb();
    const [user] = await db.insert(users).values({ email: THERAPIST }).returning();
    await db.insert(passkeys).values({ userId: user!.id, credentialId: "cred", publicKey: "key", name: "Lost phone" });
    await db.insert(recoveryCodes).values([{ userId: user!.id, codeHash: "a" }, { userId: user!.id, codeHash: "b" }]);
    expect(await removePasskeys(THERAPIST)).toEqual({ code: 0, output: expect.stringContaining("Removed 1 passkey(s) and 2 recovery code(s).") });
    expect(await db.select().from(passkeys)).toEqual([]);
    expect(await db.select().from(recoveryCodes)).toEqual([]);
    expect(await auditTrail()).toEqual([expect.objectContaining({ actor: null, action: "passkeys-reset" })]);
    expect(await removePasskeys("nobody@example.com")).toEqual({ code: 1, output: expect.stringContaining("nothing was removed") });
  }, 120_000);
});
