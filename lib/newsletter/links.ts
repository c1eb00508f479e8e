import "server-only";
import { createHmac } from "node:crypto";
import { practice } from "@/lib/practice/practice";
import { env, siteUrl } from "@/lib/env";
import { sha256 } from "@/lib/security/hash";
import { DAY } from "@/lib/time";

export const CONFIRM_LINK_DAYS = 7;
export const LIBRARY_LINK_DAYS = 7;
/** A repeat signup re-sends the confirmation (or a library link) at most this often. */
export const RESEND_AFTER_MINUTES = 10;

export const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY);

export function tokenHash(token: string): string {
  return sha256(token);
}

/**
 * A subscriber's unsubscribe token. Unlike most tokens it is derived
 * (an HMAC of the subscriber's random id under NEWSLETTER_TOKEN_SECRET)
 * rather than drawn at random and forgotten: a broadcast that is resumed after
 * a crash must resend a batch byte for byte under the same idempotency key,
 * so each recipient's link has to come out the same every time. Only its hash
 * is stored, and a copy of the database without the secret unsubscribes no one.
 */
export function unsubscribeToken(subscriberId: string): string {
  return createHmac("sha256", env().NEWSLETTER_TOKEN_SECRET).update(`unsubscribe:v1:${subscriberId}`).digest("base64url");
}

/**
 * A pending subscriber's confirmation token: derived, like the unsubscribe
 * token, from the subscriber's random id and when the link was first made. A
 * second signup for a pending address can then email the same link again
 * instead of replacing it, so a stranger typing someone's address never
 * voids the link already in the owner's inbox.
 */
export function confirmToken(subscriberId: string, issuedAt: Date): string {
  return createHmac("sha256", env().NEWSLETTER_TOKEN_SECRET).update(`confirm:v1:${subscriberId}:${issuedAt.getTime()}`).digest("base64url");
}

function appUrl(path: string): string {
  return siteUrl(path);
}

export const confirmUrl = (token: string) => appUrl(`/newsletter/confirm/${token}`);
export const libraryLinkUrl = (token: string) => appUrl(`/freebies/access/${token}`);
/** The page that asks before unsubscribing: the link people see in the email. */
export const unsubscribePageUrl = (token: string) => appUrl(`/newsletter/unsubscribe/${token}`);
/** Where mail providers send RFC 8058's one-click POST. */
export const oneClickUnsubscribeUrl = (token: string) => appUrl(`/api/newsletter/unsubscribe/${token}`);

function newsletterDomain(): string {
  return /@([^>]+)>$/.exec(practice.senders.newsletter)?.[1] ?? "newsletter.invalid";
}

/** RFC 2919's List-Id: the list's name and a stable identifier under the newsletter's domain. */
export function listId(): string {
  const name = `${practice.name} newsletter`.replace(/["\\\r\n]/g, "");
  return `"${name}" <newsletter.${newsletterDomain()}>`;
}

/** The headers every newsletter email carries, so mail apps can offer their own unsubscribe button. */
export function newsletterHeaders(unsubscribeTokenValue: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(unsubscribeTokenValue)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    "List-Id": listId(),
  };
}
