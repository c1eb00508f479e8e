import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { passkeys, recoveryCodes, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";

// Apart from lib/auth/second-factor.ts, whose guards need Next's request scope: this runs from a plain script.
/**
 * For whoever runs the server, when the therapist has lost both her passkey
 * and her recovery codes (scripts/remove-passkeys.ts): removes every passkey
 * and recovery code of `email`, so the emailed link alone signs her in again.
 */
export async function removeSecondFactor(email: string): Promise<{ passkeys: number; recoveryCodes: number } | null> {
  const db = await getDb();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user) return null;
  return db.transaction(async (tx) => {
    const removedPasskeys = await tx.delete(passkeys).where(eq(passkeys.userId, user.id)).returning({ id: passkeys.id });
    const removedCodes = await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).returning({ id: recoveryCodes.id });
    const counts = { passkeys: removedPasskeys.length, recoveryCodes: removedCodes.length };
    await recordAuditEvent(tx, { actor: null, action: "passkeys-reset", subjectType: "passkey", detail: { ...counts, by: "server script" } });
    return counts;
  });
}
