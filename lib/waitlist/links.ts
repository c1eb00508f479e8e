import "server-only";
import { createHmac } from "node:crypto";
import { env, siteUrl } from "@/lib/env";
import { sha256 } from "@/lib/security/hash";

/*
 * Her place on the waitlist is opened by a token derived from the entry's id
 * (as a manage-booking link is, lib/booking/manage-link.ts): every email
 * composed at send time carries the same links, and neither the entry nor
 * the outbox holds a working one. An offer's link is the held booking's own
 * manage token, so once booked it is simply her booking's link.
 */

export function placeToken(entryId: string): string {
  return createHmac("sha256", env().BOOKING_LINK_SECRET).update(`waitlist-place:${entryId}`).digest("base64url");
}

export function placeTokenHash(token: string): string {
  return sha256(token);
}

/** Her place: confirm it (the emailed link), stay on, or leave. */
export function placeUrl(entryId: string): string {
  return siteUrl(`/book/waitlist/place/${placeToken(entryId)}`);
}

/** The one-press "leave the waitlist" every waitlist email carries. */
export function leaveUrl(entryId: string): string {
  return siteUrl(`/book/waitlist/leave/${placeToken(entryId)}`);
}

export function offerPath(manageToken: string): `/book/waitlist/offer/${string}` {
  return `/book/waitlist/offer/${manageToken}`;
}
