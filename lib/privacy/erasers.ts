import "server-only";
import { and, lte, sql, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { bookings, contactMessages, outboxEmails, subscribers, waitlistEntries } from "@/db/schema";
import { aboutBookings } from "@/lib/booking/erase";

/**
 * One capability's part of erasing a person: deletes every row it holds for
 * `email` (already trimmed and lower-cased) and says how many. Booking and
 * newsletter add theirs to `personErasers`; the outbox stays last, so the
 * emails a capability's rows caused are gone with them. With `before`, only
 * rows written by then: re-applying an old erasure must not take what the
 * person sent after it.
 */
export type PersonEraser = { name: string; erase: (tx: Transaction, email: string, before?: Date) => Promise<number> };

type Held = typeof contactMessages | typeof outboxEmails | typeof bookings | typeof subscribers | typeof waitlistEntries;

const sameAddress = (
  column: typeof contactMessages.email | typeof outboxEmails.recipient | typeof bookings.email | typeof subscribers.email | typeof waitlistEntries.email,
  email: string,
  table: Held,
  before?: Date,
): SQL => {
  const address = sql`lower(trim(${column})) = ${email}`;
  return before ? and(address, lte(table.createdAt, before))! : address;
};

export const personErasers: PersonEraser[] = [
  {
    name: "contactMessages",
    erase: async (tx, email, before) => (await tx.delete(contactMessages).where(sameAddress(contactMessages.email, email, contactMessages, before)).returning({ id: contactMessages.id })).length,
  },
  {
    // Every booking with the address, whatever its status (upcoming ones too: erasure means no more contact), and the
    // emails about them, wherever they were sent (the therapist's new-request notices carry the booking's id).
    name: "bookings",
    erase: async (tx, email, before) => {
      const erased = await tx.delete(bookings).where(sameAddress(bookings.email, email, bookings, before)).returning({ id: bookings.id });
      const ids = erased.map((row) => row.id);
      if (ids.length > 0) await tx.delete(outboxEmails).where(aboutBookings(ids));
      return ids.length;
    },
  },
  {
    // Her places on the waitlist and their offers (ON DELETE CASCADE); an open offer's held booking has her address and went above.
    name: "waitlistEntries",
    erase: async (tx, email, before) => (await tx.delete(waitlistEntries).where(sameAddress(waitlistEntries.email, email, waitlistEntries, before)).returning({ id: waitlistEntries.id })).length,
  },
  {
    // Library access and newsletter send records go with the subscriber (ON DELETE CASCADE).
    name: "newsletterSubscribers",
    erase: async (tx, email, before) => (await tx.delete(subscribers).where(sameAddress(subscribers.email, email, subscribers, before)).returning({ id: subscribers.id })).length,
  },
  {
    // Delivery attempts go with their email (ON DELETE CASCADE).
    name: "outboxEmails",
    erase: async (tx, email, before) => (await tx.delete(outboxEmails).where(sameAddress(outboxEmails.recipient, email, outboxEmails, before)).returning({ id: outboxEmails.id })).length,
  },
];
