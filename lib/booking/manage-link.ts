import "server-only";
import { createHmac } from "node:crypto";
import { env, siteUrl } from "@/lib/env";
import { sha256 } from "@/lib/security/hash";

/**
 * The private link that manages a booking: /book/manage/{token}.
 *
 * The token is HMAC-SHA256(BOOKING_LINK_SECRET, booking id): 256 bits that
 * nobody without the secret can produce, and only its sha256 is stored. It is
 * derived rather than drawn at random because several emails, composed at
 * send time (confirmation, reminder, reschedule), must carry the same link,
 * and a random token could not be recovered from its hash without keeping it
 * in the outbox. So neither the booking row nor the outbox ever holds a
 * working link, and a leaked database alone opens nothing.
 */
export function manageToken(bookingId: string): string {
  return createHmac("sha256", env().BOOKING_LINK_SECRET).update(`manage-booking:${bookingId}`).digest("base64url");
}

export function manageTokenHash(token: string): string {
  return sha256(token);
}

export function manageBookingPath(bookingId: string): `/book/manage/${string}` {
  return `/book/manage/${manageToken(bookingId)}`;
}

export function manageBookingUrl(bookingId: string): string {
  return siteUrl(manageBookingPath(bookingId));
}

/**
 * The page that confirms a held time. It carries the manage token: whoever
 * reads the email owns the booking, and one credential means one lookup.
 */
export function confirmTimeUrl(bookingId: string): string {
  return siteUrl(`/book/confirm/${manageToken(bookingId)}`);
}

/** The therapist's page for a booking in the private area. */
export function adminBookingUrl(bookingId: string): string {
  return siteUrl(`/admin/requests/${bookingId}`);
}
