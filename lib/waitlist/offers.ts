import "server-only";
import "./waitlist-emails";
import { randomUUID } from "node:crypto";
import { and, count, eq, lte, sql } from "drizzle-orm";
import { type Transaction, getDb } from "@/db/client";
import { bookings, type Booking, waitlistEntries, type WaitlistEntry, waitlistOffers } from "@/db/schema";
import { findFreeSlots, isFreeSlot } from "@/lib/booking/availability";
import { bookingEmailProps } from "@/lib/booking/booking-emails";
import { formatDateTime, formatTime, zoneLabel } from "@/lib/booking/format";
import { confirmHeldBooking, releaseLapsedHolds } from "@/lib/booking/hold";
import { manageToken, manageTokenHash } from "@/lib/booking/manage-link";
import { type SessionType, findSessionType, formatLabels, sessionTypes } from "@/lib/booking/session-types";
import { heldRange } from "@/lib/booking/slots";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { isExclusionViolation, isUniqueViolation } from "@/lib/errors";
import { tokenButton } from "@/lib/forms/token-form";
import { sha256 } from "@/lib/security/hash";
import { isIssuedToken } from "@/lib/security/issued-token";
import { HOUR } from "@/lib/time";
import { firstInLine } from "./line";
import { offerExpiry } from "./offer-expiry";

/*
 * Offers, one freed time to one person at a time. An offer holds its time by
 * a booking row held like an unconfirmed booking (lib/booking/hold.ts) until
 * the offer ends: /book stops showing it, the booking exclusion constraint
 * refuses anyone else, and a lapsed offer frees it as a lapsed hold does.
 * "Book this time" is the hold's confirmation. The offer row's partial
 * unique indexes decide races: two servers sweeping at once make one offer
 * of a time, and nobody holds two.
 */

export type OfferOutcome = "offered" | "taken" | "not-waiting" | "too-late";

const OFFER_HEARD_ABOUT = "prefer-not-to-say";

function lastMoment(type: SessionType, startsAt: Date): Date {
  return new Date(startsAt.getTime() - type.minimumNoticeHours * HOUR);
}

/** Offers still open past their end: booked if she confirmed the held time some other way, otherwise lapsed (the hold lapses with them). */
async function closeEndedOffers(executor: Transaction | Awaited<ReturnType<typeof getDb>>, now: Date): Promise<number> {
  const closed = await executor
    .update(waitlistOffers)
    .set({
      status: sql`case when exists (select 1 from ${bookings} b where b.id = ${waitlistOffers.bookingId} and b.hold_expires_at is null and b.status in ('requested', 'confirmed')) then 'booked' else 'lapsed' end`,
      closedAt: now,
    })
    .where(and(eq(waitlistOffers.status, "open"), lte(waitlistOffers.expiresAt, now)))
    .returning({ id: waitlistOffers.id });
  return closed.length;
}

/** Lapses ended offers, so the sweep can pass their times on. */
export async function lapseOffers(now = new Date()): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const closed = await closeEndedOffers(tx, now);
    await releaseLapsedHolds(tx, now);
    return closed;
  });
}

/**
 * Offers `startsAt` to one entry, in one transaction: the held booking, the
 * offer and its email commit together or not at all. The database decides
 * a race: an overlapping held time (23P01) or an open offer of the same
 * time or to the same person (23505) refuses the whole offer.
 */
export async function makeOffer({ entryId, startsAt, now, offeredBy = null }: { entryId: string; startsAt: Date; now: Date; offeredBy?: string | null }): Promise<OfferOutcome> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<OfferOutcome> => {
      await closeEndedOffers(tx, now);
      await releaseLapsedHolds(tx, now);
      const [entry] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, entryId)).for("update");
      if (!entry || entry.status !== "waiting" || entry.expiresAt <= now) return "not-waiting";
      const type = findSessionType(entry.sessionType);
      if (!type) return "not-waiting";
      const expiresAt = offerExpiry(now, env().WAITLIST_OFFER_HOURS, entry.timeZone, lastMoment(type, startsAt));
      if (!expiresAt) return "too-late";
      const booking = await holdForOffer(tx, entry, type, startsAt, expiresAt, now);
      await tx.insert(waitlistOffers).values({ entryId: entry.id, bookingId: booking.id, sessionType: type.slug, startsAt, status: "open", offeredBy, expiresAt, createdAt: now });
      await enqueueEmail(tx, { to: entry.email, template: "waitlist-offer", props: { ...bookingEmailProps(booking), entryId: entry.id, expiresAt: expiresAt.toISOString() } });
      return "offered";
    });
  } catch (error) {
    if (isExclusionViolation(error) || isUniqueViolation(error, "waitlist_offer_one_per_time") || isUniqueViolation(error, "waitlist_offer_one_per_person")) return "taken";
    throw error;
  }
}

async function holdForOffer(tx: Transaction, entry: WaitlistEntry, type: SessionType, startsAt: Date, expiresAt: Date, now: Date): Promise<Booking> {
  const id = randomUUID();
  const [booking] = await tx
    .insert(bookings)
    .values({
      id,
      sessionType: type.slug,
      format: entry.format,
      status: "requested",
      ...heldRange(type, startsAt),
      name: entry.name,
      email: entry.email,
      phone: entry.phone,
      location: entry.location,
      whatBringsYou: null,
      heardAbout: OFFER_HEARD_ABOUT,
      visitorTimeZone: entry.timeZone,
      consentNoticeVersion: entry.consentNoticeVersion,
      consentedAt: entry.consentedAt,
      emergencyAcknowledgedAt: entry.consentedAt,
      // No form made it: the key is the booking's own, so it can never match a visitor's form.
      formKeyHash: sha256(`waitlist-offer:${id}`),
      manageTokenHash: manageTokenHash(manageToken(id)),
      holdExpiresAt: expiresAt,
      holdNetwork: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return booking!;
}

/**
 * The sweep's part: for each kind of appointment with someone waiting, the
 * free times as /book shows them now, each to the first in line it fits, in
 * order of time. A person matched to two times gets the first; the next
 * round gives the other to whoever is next for it. Returns the offers made.
 */
export async function offerFreedTimes(now = new Date()): Promise<number> {
  const db = await getDb();
  let made = 0;
  for (const type of sessionTypes) {
    const [waiting] = await db
      .select({ n: count() })
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.sessionType, type.slug), eq(waitlistEntries.status, "waiting")));
    if (!waiting?.n) continue;
    for (let round = 0; round < 10; round++) {
      const free = await findFreeSlots(type, { now });
      const matches = await firstInLine(db, type.slug, free.map((slot) => slot.startsAt), now);
      const offeredTo = new Set<string>();
      let madeThisRound = 0;
      for (const match of matches) {
        if (offeredTo.has(match.entryId)) continue;
        const outcome = await makeOffer({ entryId: match.entryId, startsAt: match.startsAt, now });
        if (outcome === "offered") {
          offeredTo.add(match.entryId);
          madeThisRound++;
        }
      }
      made += madeThisRound;
      if (madeThisRound === 0) break;
    }
  }
  return made;
}

/** Her open offer, if any, goes back: its held time is freed for the next in line. */
export async function withdrawOpenOffer(tx: Transaction, entryId: string, now: Date, status: "withdrawn" | "declined" = "withdrawn"): Promise<boolean> {
  const [offer] = await tx
    .update(waitlistOffers)
    .set({ status, closedAt: now })
    .where(and(eq(waitlistOffers.entryId, entryId), eq(waitlistOffers.status, "open")))
    .returning();
  if (!offer) return false;
  if (offer.bookingId) await releaseOfferHold(tx, offer.bookingId, now);
  return true;
}

async function releaseOfferHold(tx: Transaction, bookingId: string, now: Date) {
  await tx
    .update(bookings)
    .set({ status: "expired", closedAt: now, updatedAt: now })
    .where(and(eq(bookings.id, bookingId), sql`${bookings.holdExpiresAt} is not null`, sql`${bookings.status} in ('requested', 'confirmed')`));
}

/** What the offer's page may show: the time in her zone and until when it is hers, nothing she typed. */
export type OfferView = { sessionName: string; when: string; zone: string; format: string; until: string; untilTime: string };
export type OfferState = { state: "open"; offer: OfferView } | { state: "booked" } | { state: "gone" };

async function offerOfToken(executor: Transaction | Awaited<ReturnType<typeof getDb>>, token: string, lock: boolean) {
  const bookingQuery = executor.select().from(bookings).where(eq(bookings.manageTokenHash, manageTokenHash(token)));
  const [booking] = lock ? await bookingQuery.for("update") : await bookingQuery;
  if (!booking) return null;
  const offerQuery = executor.select().from(waitlistOffers).where(eq(waitlistOffers.bookingId, booking.id));
  const [offer] = lock ? await offerQuery.for("update") : await offerQuery;
  return offer ? { booking, offer } : null;
}

export async function offerByToken(token: string, now = new Date()): Promise<OfferState> {
  if (!isIssuedToken(token)) return { state: "gone" };
  const found = await offerOfToken(await getDb(), token, false);
  if (!found) return { state: "gone" };
  const { booking, offer } = found;
  if (offer.status === "booked" || (booking.holdExpiresAt === null && ["requested", "confirmed"].includes(booking.status))) return { state: "booked" };
  if (offer.status !== "open" || offer.expiresAt <= now) return { state: "gone" };
  return {
    state: "open",
    offer: {
      sessionName: findSessionType(booking.sessionType)?.name ?? "Appointment",
      when: formatDateTime(booking.startsAt, booking.visitorTimeZone),
      zone: zoneLabel(booking.visitorTimeZone, booking.startsAt),
      format: formatLabels[booking.format],
      until: formatDateTime(offer.expiresAt, booking.visitorTimeZone),
      untilTime: formatTime(offer.expiresAt, booking.visitorTimeZone),
    },
  };
}

export type OfferAnswer = "booked" | "already" | "declined" | "gone";

/**
 * "Book this time": one press on the offer's page (a POST; opening the link
 * books nothing). The held booking becomes a request (or a confirmed
 * consultation) exactly as a held time does when its code is typed, and her
 * place on the waitlist closes: she has her time.
 */
export async function acceptOffer(token: string, now = new Date()): Promise<OfferAnswer> {
  if (!isIssuedToken(token)) return "gone";
  const db = await getDb();
  return db.transaction(async (tx): Promise<OfferAnswer> => {
    const found = await offerOfToken(tx, token, true);
    if (!found) return "gone";
    const { booking, offer } = found;
    if (offer.status === "booked") return "already";
    if (offer.status !== "open" || offer.expiresAt <= now) return "gone";
    const outcome = await confirmHeldBooking(tx, booking, now);
    if (outcome === "gone") return "gone";
    await tx.update(waitlistOffers).set({ status: "booked", closedAt: now }).where(eq(waitlistOffers.id, offer.id));
    await tx.update(waitlistEntries).set({ status: "booked", closedAt: now, updatedAt: now }).where(eq(waitlistEntries.id, offer.entryId));
    return "booked";
  });
}

/** "Not this time": the time goes to the next in line at the next sweep; she keeps her place. */
export async function declineOffer(token: string, now = new Date()): Promise<OfferAnswer> {
  if (!isIssuedToken(token)) return "gone";
  const db = await getDb();
  return db.transaction(async (tx): Promise<OfferAnswer> => {
    const found = await offerOfToken(tx, token, true);
    if (!found || found.offer.status !== "open" || found.offer.expiresAt <= now) return "gone";
    await withdrawOpenOffer(tx, found.offer.entryId, now, "declined");
    return "declined";
  });
}

export const acceptOfferButton = tokenButton("waitlist-offer-book").handle(async ({ token, now }) => ({ status: "success" as const, answer: await acceptOffer(token, now) }));
export const declineOfferButton = tokenButton("waitlist-offer-decline").handle(async ({ token, now }) => ({ status: "success" as const, answer: await declineOffer(token, now) }));

/** The therapist offers a time by hand: it must be free as /book would show it now. */
export async function offerTimeByHand(entryId: string, startsAt: Date, offeredBy: string, now = new Date()): Promise<OfferOutcome | "not-free"> {
  const db = await getDb();
  const [entry] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, entryId));
  const type = entry ? findSessionType(entry.sessionType) : undefined;
  if (!entry || !type || entry.status !== "waiting") return "not-waiting";
  if (!(await isFreeSlot(type, startsAt, { now }))) return "not-free";
  return makeOffer({ entryId, startsAt, now, offeredBy });
}

