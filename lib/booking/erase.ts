import "server-only";
import { inArray, or, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { bookings, outboxEmails } from "@/db/schema";
import type { Therapist } from "@/lib/auth/guards";

/** Outbox emails about these bookings: every booking email's props carry its bookingId. */
export function aboutBookings(ids: string[]) {
  return inArray(sql`${outboxEmails.props}->>'bookingId'`, ids);
}

/**
 * Erases a person's booking records: every booking made with the address
 * (whatever its letter case or status; upcoming ones too, which frees their
 * times without a word, since erasure means no more contact) and every outbox
 * email to that address or about those bookings.
 */
export async function eraseBookingPerson(therapist: Therapist, email: string): Promise<{ bookings: number; emails: number }> {
  const address = email.trim().toLowerCase();
  if (!address.includes("@")) return { bookings: 0, emails: 0 };
  const db = await getDb();
  return db.transaction(async (tx: Transaction) => {
    const erased = await tx.delete(bookings).where(sql`lower(${bookings.email}) = ${address}`).returning({ id: bookings.id });
    const ids = erased.map((row) => row.id);
    const toAddress = sql`lower(${outboxEmails.recipient}) = ${address}`;
    const emails = await tx
      .delete(outboxEmails)
      .where(ids.length > 0 ? or(toAddress, aboutBookings(ids)) : toAddress)
      .returning({ id: outboxEmails.id });
    return { bookings: ids.length, emails: emails.length };
  });
}
