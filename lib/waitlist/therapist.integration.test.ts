import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, outboxEmails, waitlistEntries, waitlistOffers, weeklyHours } from "@/db/schema";
import { ensureAvailabilitySeeded } from "@/lib/booking/availability";
import { NOW, WEDNESDAY, at, ip, therapist } from "@/lib/testing/booking-fixtures";
import { joinWaitlist } from "./join";
import { placeToken } from "./links";
import { confirmPlace } from "./place";
import { runWaitlistSweep } from "./sweep";
import { moveUp, offerByHand, removeFromWaitlist, setPaused, waitingCount, waitlistLine } from "./therapist";

const NOON = at(WEDNESDAY, "12:00");
const THREE = at(WEDNESDAY, "15:00");

async function waiting(name: string) {
  const joined = await joinWaitlist(
    {
      formKey: randomUUID(),
      website: "",
      sessionType: "intake",
      timeZone: "America/Los_Angeles",
      location: "OR",
      format: "telehealth",
      wednesday: "yes",
      afternoon: "yes",
      earliest: "2027-03-01",
      latest: "2027-03-03",
      name,
      email: `${name.toLowerCase()}.${randomUUID().slice(0, 6)}@example.com`,
      phone: "",
      consent: "yes",
    },
    { ip: ip(), now: NOW },
  );
  if (joined.status !== "unconfirmed") throw new Error("join refused");
  await confirmPlace(placeToken(joined.entryId), NOW);
  return joined.entryId;
}

async function snapshot() {
  const db = await getDb();
  return {
    entries: await db.select({ id: waitlistEntries.id, status: waitlistEntries.status, position: waitlistEntries.position }).from(waitlistEntries).orderBy(waitlistEntries.id),
    offers: (await db.select({ n: count() }).from(waitlistOffers))[0]!.n,
    bookings: (await db.select({ n: count() }).from(bookings))[0]!.n,
    emails: (await db.select({ n: count() }).from(outboxEmails))[0]!.n,
  };
}

beforeEach(async () => {
  const db = await getDb();
  await ensureAvailabilitySeeded(db);
  await db.delete(weeklyHours);
  // Nothing free until the therapist opens Wednesday afternoon, so the sweep offers only what a test makes free.
});

describe("the Waitlist room", () => {
  it("shows the line in order with wishes; moving up swaps two places and refuses the first", async () => {
    const ada = await waiting("Ada");
    const bea = await waiting("Bea");
    const cy = await waiting("Cy");
    expect((await waitlistLine(therapist, NOW)).map((entry) => entry.name)).toEqual(["Ada", "Bea", "Cy"]);
    const [first] = await waitlistLine(therapist, NOW);
    expect(first).toMatchObject({ place: 1, days: ["Wednesday"], sessionName: "Intake session", openOffer: null });
    expect((await moveUp(therapist, cy)).status).toBe("done");
    expect((await waitlistLine(therapist, NOW)).map((entry) => entry.name)).toEqual(["Ada", "Cy", "Bea"]);
    const before = await snapshot();
    expect(await moveUp(therapist, ada)).toMatchObject({ status: "refused", reason: "first" });
    expect(await moveUp(therapist, randomUUID())).toMatchObject({ status: "refused", reason: "not-found" });
    expect(await moveUp(therapist, "not-an-id")).toMatchObject({ status: "refused", reason: "not-found" });
    expect(await snapshot()).toEqual(before);
    expect(bea).toBeTruthy();
    expect(await waitingCount(therapist)).toEqual({ waiting: 3, holdingOffers: 0 });
  });

  it("a paused person is passed over until resumed; pausing gives back her offer; removing takes her off", async () => {
    const ada = await waiting("Ada");
    const bea = await waiting("Bea");
    const db = await getDb();
    await db.insert(weeklyHours).values({ weekday: 3, startMinute: 12 * 60, endMinute: 12 * 60 + 50 });
    await runWaitlistSweep(NOW);
    expect((await db.select().from(waitlistOffers).where(eq(waitlistOffers.status, "open"))).map((offer) => offer.entryId)).toEqual([ada]);
    expect((await setPaused(therapist, ada, true, NOW)).status).toBe("done");
    expect((await db.select().from(waitlistOffers).where(eq(waitlistOffers.entryId, ada)))[0]!.status).toBe("withdrawn");
    await runWaitlistSweep(NOW);
    expect((await db.select().from(waitlistOffers).where(eq(waitlistOffers.status, "open"))).map((offer) => offer.entryId)).toEqual([bea]);
    const before = await snapshot();
    expect(await setPaused(therapist, ada, true, NOW)).toMatchObject({ status: "refused" });
    expect(await snapshot()).toEqual(before);
    expect((await setPaused(therapist, ada, false, NOW)).status).toBe("done");
    expect((await removeFromWaitlist(therapist, bea, NOW)).status).toBe("done");
    expect((await db.select().from(waitlistOffers).where(eq(waitlistOffers.status, "open")))).toEqual([]);
    expect(await removeFromWaitlist(therapist, bea, NOW)).toMatchObject({ status: "refused", reason: "not-found" });
    await runWaitlistSweep(NOW);
    expect((await db.select().from(waitlistOffers).where(eq(waitlistOffers.status, "open"))).map((offer) => offer.entryId)).toEqual([ada]);
  });

  it("offers a free time by hand, whatever her wishes, and refuses a busy time, a second offer or someone gone, writing nothing", async () => {
    const ada = await waiting("Ada");
    const bea = await waiting("Bea");
    const db = await getDb();
    // Opened and offered by hand before any sweep: Bea is second in line, and the therapist chooses her.
    await db.insert(weeklyHours).values({ weekday: 3, startMinute: 15 * 60, endMinute: 15 * 60 + 50 });
    expect((await offerByHand(therapist, bea, THREE, NOW)).status).toBe("done");
    const [offer] = await db.select().from(waitlistOffers);
    expect(offer).toMatchObject({ entryId: bea, startsAt: THREE, offeredBy: therapist.email, status: "open" });
    expect((await waitlistLine(therapist, NOW)).find((entry) => entry.id === bea)?.openOffer?.byHand).toBe(true);
    const before = await snapshot();
    expect(await offerByHand(therapist, ada, THREE, NOW)).toMatchObject({ status: "refused", reason: "not-free" });
    expect(await offerByHand(therapist, ada, NOON, NOW)).toMatchObject({ status: "refused", reason: "not-free" });
    expect(await offerByHand(therapist, randomUUID(), THREE, NOW)).toMatchObject({ status: "refused", reason: "not-found" });
    await db.insert(weeklyHours).values({ weekday: 3, startMinute: 12 * 60, endMinute: 12 * 60 + 50 });
    const withHours = await snapshot();
    expect(await offerByHand(therapist, bea, NOON, NOW)).toMatchObject({ status: "refused", reason: "taken" });
    expect(await snapshot()).toEqual(withHours);
    expect(before.offers).toBe(1);
  });
});
