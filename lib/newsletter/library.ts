import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { libraryAccess, subscribers, type Subscriber } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/forms/form-state";
import { fieldErrorsFrom, readSubmittedForm, refused } from "@/lib/forms/parse-form";
import { hitRateLimit, type RateLimitRule } from "@/lib/security/rate-limit";
import { randomToken } from "@/lib/security/hash";
import {
  LIBRARY_LINK_DAYS,
  daysFrom,
  libraryLinkUrl,
  looksLikeToken,
  newsletterHeaders,
  tokenHash,
  unsubscribePageUrl,
  unsubscribeToken,
} from "./links";
import { libraryLinkFields, libraryLinkSchema, normaliseEmail, type LibraryLinkField } from "./schema";

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
  subscriber: Pick<Subscriber, "id" | "email" | "firstName">,
  now: Date,
  template: "newsletter-welcome" | "newsletter-library-link",
) {
  const token = await createAccess(tx, subscriber.id, "link", daysFrom(now, LIBRARY_LINK_DAYS), now);
  const unsubscribe = unsubscribeToken(subscriber.id);
  const common = { libraryUrl: libraryLinkUrl(token), linkValidDays: LIBRARY_LINK_DAYS, unsubscribeUrl: unsubscribePageUrl(unsubscribe) };
  const headers = newsletterHeaders(unsubscribe);
  if (template === "newsletter-welcome") {
    await enqueueEmail(tx, { to: subscriber.email, template, props: { ...common, firstName: subscriber.firstName ?? undefined }, headers });
  } else {
    await enqueueEmail(tx, { to: subscriber.email, template, props: common, headers });
  }
  await tx.update(subscribers).set({ libraryLinkSentAt: now }).where(eq(subscribers.id, subscriber.id));
}

/**
 * Exchanges a link from an email for a library session. Null for a link that
 * is forged, altered, expired, or whose subscriber has left.
 */
export async function openLibraryLink(linkToken: string, now = new Date()): Promise<LibrarySession | null> {
  if (!looksLikeToken(linkToken)) return null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ subscriberId: libraryAccess.subscriberId })
      .from(libraryAccess)
      .innerJoin(subscribers, eq(subscribers.id, libraryAccess.subscriberId))
      .where(
        and(
          eq(libraryAccess.tokenHash, tokenHash(linkToken)),
          eq(libraryAccess.kind, "link"),
          gt(libraryAccess.expiresAt, now),
          eq(subscribers.status, "confirmed"),
        ),
      );
    if (!link) return null;
    return createLibrarySession(tx, link.subscriberId, now);
  });
}

/**
 * Whether the library cookie opens the library. Checked on every page and
 * download, against the subscriber's current status, so unsubscribing or
 * being erased closes the library at once.
 */
export async function libraryReader(sessionToken: string | undefined, now = new Date()): Promise<{ subscriberId: string } | null> {
  if (!looksLikeToken(sessionToken)) return null;
  const db = await getDb();
  const [reader] = await db
    .select({ subscriberId: libraryAccess.subscriberId })
    .from(libraryAccess)
    .innerJoin(subscribers, eq(subscribers.id, libraryAccess.subscriberId))
    .where(
      and(
        eq(libraryAccess.tokenHash, tokenHash(sessionToken)),
        eq(libraryAccess.kind, "session"),
        gt(libraryAccess.expiresAt, now),
        eq(subscribers.status, "confirmed"),
      ),
    );
  return reader ?? null;
}

export const libraryLinkRateLimits = {
  perIp: { name: "library-link:ip", max: 10, windowSeconds: 60 * 60 },
  perAddress: { name: "library-link:address", max: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export type LibraryLinkFormState = FormState<LibraryLinkField>;

const TOO_MANY_LINKS = "We have sent several links in a short time, so no new one was sent. Please check your inbox (and spam folder), or try again in an hour.";

/**
 * "Email me a new link". The answer is the same whether or not the address
 * is a confirmed subscriber, so the form tells no one who is on the list.
 */
export async function requestLibraryLink(
  input: FormData | Record<string, unknown>,
  context: { ip: string; now?: Date },
): Promise<LibraryLinkFormState> {
  const now = context.now ?? new Date();
  const form = readSubmittedForm(input);
  const refuse = (problems: Parameters<typeof refused<LibraryLinkField>>[2]) => refused(form.fields, libraryLinkFields, problems);

  if (!(await hitRateLimit(libraryLinkRateLimits.perIp, context.ip, now))) return refuse({ formError: TOO_MANY_LINKS });
  if (form.honeypotFilled) return refuse({ formError: "This request looks automated, so it was not sent. Please leave the hidden “website” field empty." });
  if (form.malformed.length > 0) return refuse({ formError: "This form was sent in a way we could not read. Please try again." });
  const parsed = libraryLinkSchema.safeParse(form.fields);
  if (!parsed.success) return refuse(fieldErrorsFrom<LibraryLinkField>(parsed.error));
  const email = normaliseEmail(parsed.data.email);
  if (!(await hitRateLimit(libraryLinkRateLimits.perAddress, email, now))) return refuse({ formError: TOO_MANY_LINKS });

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
  return { status: "success" };
}

/** Drops expired links and sessions; run by the periodic sweep. */
export async function purgeExpiredLibraryAccess(now = new Date()) {
  const db = await getDb();
  await db.delete(libraryAccess).where(lt(libraryAccess.expiresAt, now));
}
