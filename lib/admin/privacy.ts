import "server-only";
import { getDb } from "@/db/client";
import { guardedOperation, saved } from "@/lib/auth/guarded-operation";
import { erasePersonSchema } from "@/lib/privacy/erase-schema";
import { personErasers } from "@/lib/privacy/erasers";
import { recordErasure } from "@/lib/privacy/erasure-ledger";

/* The privacy room: erasing a person, through the door, with every capability's eraser (lib/privacy/erasers.ts). */

const held: Record<string, [one: string, many: string]> = {
  contactMessages: ["contact message", "contact messages"],
  bookings: ["booking", "bookings"],
  waitlistEntries: ["place on the waitlist", "places on the waitlist"],
  newsletterSubscribers: ["newsletter subscription", "newsletter subscriptions"],
  outboxEmails: ["email in the outbox", "emails in the outbox"],
};

/** "Deleted 1 contact message, 2 emails in the outbox." in the practice's words. */
function erasedSummary(erased: Record<string, number>): string {
  const deleted = Object.entries(erased)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${(held[name] ?? [name, name])[n === 1 ? 0 : 1]}`);
  const what = deleted.length > 0 ? `Deleted ${deleted.join(", ")}.` : "Nothing was held about this address.";
  return `${what} The audit log records that an erasure happened, without the address.`;
}

/**
 * Erases everything held about the person with this address, in one
 * transaction, and records that an erasure happened with its counts: the
 * audit entry carries no address, or it would itself hold what was erased.
 */
export const erasePerson = guardedOperation(erasePersonSchema, async ({ email }, { audit }) => {
  const address = email.trim().toLowerCase();
  // Listed first, outside the database, so a restored backup cannot bring the person back.
  recordErasure(address);
  const db = await getDb();
  const erased = await db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    for (const eraser of personErasers) counts[eraser.name] = await eraser.erase(tx, address);
    await audit({ action: "erase", subjectType: "person", detail: counts }, tx);
    return counts;
  });
  return saved(erasedSummary(erased), erased);
});
