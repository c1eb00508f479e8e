import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { bookings, contactMessages, outboxEmails, subscribers } from "@/db/schema";
import { aboutBookings } from "@/lib/booking/erase";

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
