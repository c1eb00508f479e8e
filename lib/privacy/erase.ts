import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { getDb } from "@/db/client";
import { bookings, contactMessages, outboxEmails, subscribers } from "@/db/schema";
import { guardedOperation, saved } from "@/lib/auth/guarded-operation";
import { aboutBookings } from "@/lib/booking/erase";
import { erasePersonSchema } from "./erase-schema";

/**
 * One capability's part of erasing a person: deletes every row it holds for
 * `email` (already trimmed and lower-cased) and says how many. Booking and
 * newsletter add theirs to `personErasers`; the outbox stays last, so the
 * emails a capability's rows caused are gone with them.
 */
export type PersonEraser = { name: string; erase: (tx: Transaction, email: string) => Promise<number> };

const sameAddress = (
  column: typeof contactMessages.email | typeof outboxEmails.recipient | typeof bookings.email | typeof subscribers.email,
  email: string,
) =>
  sql`lower(trim(${column})) = ${email}`;

export const personErasers: PersonEraser[] = [
  {
    name: "contactMessages",
    erase: async (tx, email) => (await tx.delete(contactMessages).where(sameAddress(contactMessages.email, email)).returning({ id: contactMessages.id })).length,
  },
  {
    // Every booking with the address, whatever its status (upcoming ones too: erasure means no more contact), and the
    // emails about them, wherever they were sent (the therapist's new-request notices carry the booking's id).
    name: "bookings",
    erase: async (tx, email) => {
      const erased = await tx.delete(bookings).where(sameAddress(bookings.email, email)).returning({ id: bookings.id });
      const ids = erased.map((row) => row.id);
      if (ids.length > 0) await tx.delete(outboxEmails).where(aboutBookings(ids));
      return ids.length;
    },
  },
  {
    // Library access and newsletter send records go with the subscriber (ON DELETE CASCADE).
    name: "newsletterSubscribers",
    erase: async (tx, email) => (await tx.delete(subscribers).where(sameAddress(subscribers.email, email)).returning({ id: subscribers.id })).length,
  },
  {
    // Delivery attempts go with their email (ON DELETE CASCADE).
    name: "outboxEmails",
    erase: async (tx, email) => (await tx.delete(outboxEmails).where(sameAddress(outboxEmails.recipient, email)).returning({ id: outboxEmails.id })).length,
  },
];

const held: Record<string, [one: string, many: string]> = {
  contactMessages: ["contact message", "contact messages"],
  bookings: ["booking", "bookings"],
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
  const db = await getDb();
  const erased = await db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    for (const eraser of personErasers) counts[eraser.name] = await eraser.erase(tx, address);
    await audit({ action: "erase", subjectType: "person", detail: counts }, tx);
    return counts;
  });
  return saved(erasedSummary(erased), erased);
});
