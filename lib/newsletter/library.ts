import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/db/client";
import { libraryAccess, subscribers, type Subscriber } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import type { FormResult } from "@/lib/forms/form-result";
import { perHour, publicForm } from "@/lib/forms/public-form";
import { randomToken } from "@/lib/security/hash";
import { hitClientRateLimit, hitRateLimit } from "@/lib/security/rate-limit";
import {
  LIBRARY_LINK_DAYS,
  daysFrom,
  libraryLinkUrl,
  newsletterHeaders,
  tokenHash,
  unsubscribePageUrl,
  unsubscribeToken,
} from "./links";
import { libraryLinkFields, libraryLinkSchema, type LibraryLinkField } from "./schema";
import { isIssuedToken } from "@/lib/security/issued-token";

/** What the library cookie holds: a random token whose hash is a library_access row. */
export type LibrarySession = { token: string; expiresAt: Date };

async function createAccess(tx: Transaction, subscriberId: string, kind: "link" | "session", expiresAt: Date, now: Date) {
  const token = randomToken();
  await tx.insert(libraryAccess).values({ subscriberId, kind, tokenHash: tokenHash(token), expiresAt, createdAt: now });
  return token;
}

/** A session for the library cookie, lasting LIBRARY_ACCESS_DAYS. */
export async function createLibrarySession(tx: Transaction, subscriberId: string, now: Date): Promise<LibrarySession> {
  const expiresAt = daysFrom(now, env().LIBRARY_ACCESS_DAYS);
  return { token: await createAccess(tx, subscriberId, "session", expiresAt, now), expiresAt };
}

/**
 * Queues an email with a fresh link into the library. The link is not spent
 * by opening it (mail scanners open links too); it simply expires.
 */
export async function emailLibraryLink(
  tx: Transaction,
  subscriber: Pick<Subscriber, "id" | "email">,
  now: Date,
  template: "newsletter-welcome" | "newsletter-library-link",
) {
  const token = await createAccess(tx, subscriber.id, "link", daysFrom(now, LIBRARY_LINK_DAYS), now);
  const unsubscribe = unsubscribeToken(subscriber.id);
  const common = { libraryUrl: libraryLinkUrl(token), linkValidDays: LIBRARY_LINK_DAYS, unsubscribeUrl: unsubscribePageUrl(unsubscribe) };
  const headers = newsletterHeaders(unsubscribe);
  await enqueueEmail(tx, { to: subscriber.email, template, props: common, headers });
  await tx.update(subscribers).set({ libraryLinkSentAt: now }).where(eq(subscribers.id, subscriber.id));
}

/** The confirmed subscriber a token of this kind opens the library for, or nothing: forged, expired, or the subscriber has left. */
async function accessHolder(executor: Database | Transaction, token: string, kind: "link" | "session", now: Date) {
  const [holder] = await executor
    .select({ subscriberId: libraryAccess.subscriberId })
    .from(libraryAccess)
    .innerJoin(subscribers, eq(subscribers.id, libraryAccess.subscriberId))
    .where(and(eq(libraryAccess.tokenHash, tokenHash(token)), eq(libraryAccess.kind, kind), gt(libraryAccess.expiresAt, now), eq(subscribers.status, "confirmed")));
  return holder ?? null;
}

/**
 * Exchanges a link from an email for a library session. Null for a link that
 * is forged, altered, expired, or whose subscriber has left.
 */
/**
 * Opening library links is counted per address and per link, so a script
 * cannot walk through guessed tokens from one address, nor hammer one link
 * from many. A person opens their link a few times at most.
 */
export const LIBRARY_LINK_LIMITS = { perIp: { name: "library-link-ip", max: 30, windowSeconds: 3600 }, perLink: { name: "library-link-token", max: 10, windowSeconds: 3600 } };

export async function libraryLinkAllowed(linkToken: string, ip: string, now = new Date()): Promise<boolean> {
  const byIp = await hitClientRateLimit(LIBRARY_LINK_LIMITS.perIp, ip, now);
  const byLink = await hitRateLimit(LIBRARY_LINK_LIMITS.perLink, linkToken.slice(0, 64), now);
  return byIp && byLink;
}

export async function openLibraryLink(linkToken: string, now = new Date()): Promise<LibrarySession | null> {
  if (!isIssuedToken(linkToken)) return null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const link = await accessHolder(tx, linkToken, "link", now);
    return link ? createLibrarySession(tx, link.subscriberId, now) : null;
  });
}

/**
 * Whether the library cookie opens the library. Checked on every page and
 * download, against the subscriber's current status, so unsubscribing or
 * being erased closes the library at once.
 */
export async function libraryReader(sessionToken: string | undefined, now = new Date()): Promise<{ subscriberId: string } | null> {
  if (!isIssuedToken(sessionToken)) return null;
  return accessHolder(await getDb(), sessionToken, "session", now);
}

export const libraryLinkForm = publicForm({ name: "library-link", schema: libraryLinkSchema, fields: libraryLinkFields, limits: { perIp: perHour(10), perAddress: perHour(3) } });
export type LibraryLinkFormState = FormResult<LibraryLinkField>;

/**
 * "Email me a new link". The answer is the same whether or not the address
 * is a confirmed subscriber, so the form tells no one who is on the list.
 */
export const requestLibraryLink = libraryLinkForm.handle(async ({ email }, { now }) => {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [subscriber] = await tx
      .select()
      .from(subscribers)
      .where(and(eq(subscribers.email, email), eq(subscribers.status, "confirmed")))
      .for("update");
    if (!subscriber || subscriber.suppressedAt) return;
    await emailLibraryLink(tx, subscriber, now, "newsletter-library-link");
  });
  return { status: "success" } as const;
});

/** Drops expired links and sessions; run by the periodic sweep. */
export async function purgeExpiredLibraryAccess(now = new Date()) {
  const db = await getDb();
  await db.delete(libraryAccess).where(lt(libraryAccess.expiresAt, now));
}
