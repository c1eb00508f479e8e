import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { subscribers } from "@/db/schema";
import { createLibrarySession, emailLibraryLink, type LibrarySession } from "./library";
import { tokenHash } from "./links";
import { startSeries } from "./series";
import { isIssuedToken } from "@/lib/security/issued-token";

// An unsubscribed person who signed up again stays unsubscribed until the link is used.
function pendingWithToken(token: string, now: Date) {
  return and(eq(subscribers.confirmTokenHash, tokenHash(token)), inArray(subscribers.status, ["pending", "unsubscribed"]), gt(subscribers.confirmTokenExpiresAt, now));
}

/** Whether a confirmation link can still be used; the page it opens shows a button only if so. */
export async function confirmationIsOpen(token: string, now = new Date()): Promise<boolean> {
  if (!isIssuedToken(token)) return false;
  const db = await getDb();
  const [row] = await db.select({ id: subscribers.id }).from(subscribers).where(pendingWithToken(token, now));
  return Boolean(row);
}

/**
 * Confirms a subscription, from the POST of the page the link opens (a GET
 * from a mail scanner confirms nothing). The link is spent, the welcome email
 * with the way into the library is queued, and the person who confirmed gets
 * a library session at once. Only now does what the signup asked for
 * (consent, notice version, first name) replace what was stored.
 */
export async function confirmSubscription(
  token: string,
  now = new Date(),
  { series = false }: { series?: boolean } = {},
): Promise<{ confirmed: true; session: LibrarySession } | { confirmed: false }> {
  if (!isIssuedToken(token)) return { confirmed: false };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [subscriber] = await tx
      .update(subscribers)
      .set({
        status: "confirmed",
        confirmedAt: now,
        confirmTokenHash: null,
        confirmTokenExpiresAt: null,
        // What the latest signup asked for, now that the address's owner has said so (subscribe.ts).
        consentNoticeVersion: sql`coalesce(${subscribers.pendingConsentNoticeVersion}, ${subscribers.consentNoticeVersion})`,
        consentedAt: sql`coalesce(${subscribers.pendingConsentedAt}, ${subscribers.consentedAt})`,
        firstName: sql`coalesce(${subscribers.pendingFirstName}, ${subscribers.firstName})`,
        pendingConsentNoticeVersion: null,
        pendingConsentedAt: null,
        pendingFirstName: null,
      })
      .where(pendingWithToken(token, now))
      .returning();
    if (!subscriber) return { confirmed: false } as const;
    await emailLibraryLink(tx, subscriber, now, "newsletter-welcome");
    // They chose the series on the confirm page: its first part goes now, the rest a week apart.
    if (series) await startSeries(tx, subscriber.id, now);
    return { confirmed: true, session: await createLibrarySession(tx, subscriber.id, now) } as const;
  });
}
