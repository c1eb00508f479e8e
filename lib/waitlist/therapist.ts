import "server-only";
import "./waitlist-emails";
import { and, asc, count, desc, eq, gt, inArray, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { waitlistEntries, waitlistOffers } from "@/db/schema";
import type { Therapist } from "@/lib/auth/guards";
import { findFreeSlots } from "@/lib/booking/availability";
import { formatDateTime, formatDay } from "@/lib/booking/format";
import { findSessionType, formatLabels } from "@/lib/booking/session-types";
import { done, refused, type Outcome } from "@/lib/forms/outcome";
import { practice } from "@/lib/practice/practice";
import { locationName } from "@/lib/practice/us-states";
import { isUuid } from "@/lib/newsletter/issues";
import { DAY } from "@/lib/time";
import { offerTimeByHand, withdrawOpenOffer } from "./offers";
import { daysOf, partsOf } from "./wishes";

/*
 * The therapist's Waitlist room. Every function takes the Therapist only
 * lib/auth/guards.ts can make (lib/admin/waitlist.ts passes it on from the
 * door), and shows what booking asks, never more.
 */

export type LineEntry = {
  id: string;
  place: number;
  status: "waiting" | "paused";
  name: string;
  email: string;
  phone: string | null;
  sessionName: string;
  format: string;
  where: string;
  days: string[];
  parts: string[];
  from: string;
  until: string | null;
  joined: string;
  lastsUntil: string;
  openOffer: { when: string; until: string; byHand: boolean } | null;
  history: { when: string; status: string }[];
  /** Free times she could be offered by hand (her kind of appointment, the next 14 days). */
  offerable: { startsAt: string; label: string }[];
};

/** The line in order, with each person's wishes, her offer and what was offered before. */
export async function waitlistLine(_therapist: Therapist, now = new Date()): Promise<LineEntry[]> {
  const db = await getDb();
  const entries = await db
    .select()
    .from(waitlistEntries)
    .where(inArray(waitlistEntries.status, ["waiting", "paused"]))
    .orderBy(asc(waitlistEntries.position));
  if (entries.length === 0) return [];
  const offers = await db
    .select()
    .from(waitlistOffers)
    .where(inArray(waitlistOffers.entryId, entries.map((entry) => entry.id)))
    .orderBy(desc(waitlistOffers.createdAt));
  const freeByType = new Map<string, { startsAt: string; label: string }[]>();
  for (const slug of new Set(entries.map((entry) => entry.sessionType))) {
    const type = findSessionType(slug);
    const free = type ? await findFreeSlots(type, { now, until: new Date(now.getTime() + 14 * DAY) }) : [];
    freeByType.set(slug, free.map((slot) => ({ startsAt: slot.startsAt.toISOString(), label: formatDateTime(slot.startsAt, practice.timeZone) })));
  }
  return entries.map((entry, index) => {
    const mine = offers.filter((offer) => offer.entryId === entry.id);
    const open = mine.find((offer) => offer.status === "open" && offer.expiresAt > now);
    return {
      id: entry.id,
      place: index + 1,
      status: entry.status as "waiting" | "paused",
      name: entry.name,
      email: entry.email,
      phone: entry.phone,
      sessionName: findSessionType(entry.sessionType)?.name ?? entry.sessionType,
      format: formatLabels[entry.format],
      where: locationName(entry.location),
      days: daysOf(entry.days),
      parts: partsOf(entry.parts),
      from: formatDay(entry.earliest),
      until: entry.latest ? formatDay(entry.latest) : null,
      joined: formatDateTime(entry.confirmedAt ?? entry.createdAt, practice.timeZone),
      lastsUntil: formatDateTime(entry.expiresAt, practice.timeZone),
      openOffer: open ? { when: formatDateTime(open.startsAt, practice.timeZone), until: formatDateTime(open.expiresAt, practice.timeZone), byHand: open.offeredBy !== null } : null,
      history: mine.filter((offer) => offer !== open).map((offer) => ({ when: formatDateTime(offer.startsAt, practice.timeZone), status: offer.status })),
      offerable: open ? [] : (freeByType.get(entry.sessionType) ?? []),
    };
  });
}

/** How many wait, for the overview. */
export async function waitingCount(_therapist: Therapist): Promise<{ waiting: number; holdingOffers: number }> {
  const db = await getDb();
  const [waiting] = await db.select({ n: count() }).from(waitlistEntries).where(eq(waitlistEntries.status, "waiting"));
  const [holding] = await db.select({ n: count() }).from(waitlistOffers).where(eq(waitlistOffers.status, "open"));
  return { waiting: waiting?.n ?? 0, holdingOffers: holding?.n ?? 0 };
}

/** What the room says when it refuses, by a word its redirect can carry (app/admin/(private)/waitlist/actions.ts). */
export const waitlistRoomProblems = {
  "not-found": "That person is no longer on the waitlist.",
  first: "She is first in line already.",
  "not-waiting": "She is not waiting now (paused, or no longer on the waitlist).",
  "not-free": "That time is no longer free.",
  "too-late": "That time is too close to offer: she would have less than half an hour to answer.",
  taken: "She already holds an offer, or that time was just taken.",
  invalid: "That could not be done. Please try again from this page.",
} as const;
export type WaitlistRoomProblem = keyof typeof waitlistRoomProblems;

const NOT_FOUND = waitlistRoomProblems["not-found"];

/** Moves her one place up: she swaps places with the person ahead of her. */
export async function moveUp(_therapist: Therapist, entryId: string): Promise<Outcome<object, "not-found" | "first">> {
  if (!isUuid(entryId)) return refused("not-found", NOT_FOUND);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [entry] = await tx.select().from(waitlistEntries).where(and(eq(waitlistEntries.id, entryId), inArray(waitlistEntries.status, ["waiting", "paused"]))).for("update");
    if (!entry) return refused("not-found", NOT_FOUND);
    const [ahead] = await tx
      .select()
      .from(waitlistEntries)
      .where(and(inArray(waitlistEntries.status, ["waiting", "paused"]), lt(waitlistEntries.position, entry.position)))
      .orderBy(desc(waitlistEntries.position))
      .limit(1)
      .for("update");
    if (!ahead) return refused("first", waitlistRoomProblems.first);
    await tx.update(waitlistEntries).set({ position: ahead.position }).where(eq(waitlistEntries.id, entry.id));
    await tx.update(waitlistEntries).set({ position: entry.position }).where(eq(waitlistEntries.id, ahead.id));
    return done();
  });
}

/** Pauses her (no offers; any she holds goes back) or lets her wait again, in the same place. */
export async function setPaused(_therapist: Therapist, entryId: string, paused: boolean, now = new Date()): Promise<Outcome<object, "not-found">> {
  if (!isUuid(entryId)) return refused("not-found", NOT_FOUND);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .update(waitlistEntries)
      .set({ status: paused ? "paused" : "waiting", updatedAt: now })
      .where(and(eq(waitlistEntries.id, entryId), eq(waitlistEntries.status, paused ? "waiting" : "paused"), gt(waitlistEntries.expiresAt, now)))
      .returning({ id: waitlistEntries.id });
    if (!entry) return refused("not-found", NOT_FOUND);
    if (paused) await withdrawOpenOffer(tx, entryId, now);
    return done();
  });
}

/** Takes her off the waitlist (no email: the practice tells her in its own way); any offer she holds goes back. */
export async function removeFromWaitlist(_therapist: Therapist, entryId: string, now = new Date()): Promise<Outcome<object, "not-found">> {
  if (!isUuid(entryId)) return refused("not-found", NOT_FOUND);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .update(waitlistEntries)
      .set({ status: "removed", closedAt: now, updatedAt: now })
      .where(and(eq(waitlistEntries.id, entryId), inArray(waitlistEntries.status, ["waiting", "paused"])))
      .returning({ id: waitlistEntries.id });
    if (!entry) return refused("not-found", NOT_FOUND);
    await withdrawOpenOffer(tx, entryId, now);
    return done();
  });
}

/** Offers her a specific free time by hand, whatever her wishes; the same offer, hold and email as the sweep's. */
export async function offerByHand(therapist: Therapist, entryId: string, startsAt: Date, now = new Date()): Promise<Outcome<object, "not-found" | "not-free" | "taken" | "too-late">> {
  if (!isUuid(entryId)) return refused("not-found", NOT_FOUND);
  const outcome = await offerTimeByHand(entryId, startsAt, therapist.email, now);
  if (outcome === "offered") return done();
  if (outcome === "not-waiting") return refused("not-found", waitlistRoomProblems["not-waiting"]);
  if (outcome === "not-free") return refused("not-free", waitlistRoomProblems["not-free"]);
  if (outcome === "too-late") return refused("too-late", waitlistRoomProblems["too-late"]);
  return refused("taken", waitlistRoomProblems.taken);
}
