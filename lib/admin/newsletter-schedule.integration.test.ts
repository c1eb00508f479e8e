import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { newsletterIssues, newsletterSends, subscribers } from "@/db/schema";
import { runSweep } from "@/lib/maintenance/sweep";
import { createIssue } from "@/lib/newsletter/issues";
import { practiceWallClock } from "@/lib/newsletter/room-schemas";
import { auditTrail, expectEveryCallRefused, intruders } from "@/lib/testing/private-area";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { cancelScheduledSend, composeIssue, readIssue, scheduleSend, sendToAll } from "./newsletter";
import { therapistForTests } from "@/lib/testing/therapist";

async function addConfirmed() {
  const id = randomUUID();
  await (await getDb()).insert(subscribers).values({
    id,
    email: `reader.${id.slice(0, 6)}@example.com`,
    status: "confirmed",
    source: "footer",
    consentNoticeVersion: "2026-11-01",
    consentedAt: new Date(),
    confirmedAt: new Date(),
    unsubscribeTokenHash: `hash-${id}`,
  });
}

async function draft() {
  const result = await composeIssue({ subject: "Winter news", body: "Hello" });
  if (result.status !== "saved") throw new Error("not saved");
  return result.saved!.issueId;
}

/** A datetime-local value `hours` from now, on the practice's clock. */
const inHours = (hours: number) => DateTime.now().setZone("America/Los_Angeles").plus({ hours }).toFormat("yyyy-MM-dd'T'HH:mm");

describe("scheduling an issue", () => {
  it("reads the time she picks on the practice's clock", () => {
    expect(practiceWallClock("2026-12-24T09:30")!.toISOString()).toBe("2026-12-24T17:30:00.000Z");
    expect(practiceWallClock("2027-07-01T09:30")!.toISOString()).toBe("2027-07-01T16:30:00.000Z");
    // The hour skipped when the clocks go forward does not exist there.
    expect(practiceWallClock("2027-03-14T02:30")).toBeNull();
  });

  it("keeps a scheduled issue a draft until its time, then the sweep sends it to everyone confirmed then", async () => {
    await signInAs(THERAPIST);
    await addConfirmed();
    const id = await draft();
    expect(await scheduleSend({ id, sendAt: inHours(3) })).toMatchObject({ status: "saved" });
    const scheduled = await readIssue(id);
    expect(scheduled).toMatchObject({ status: "draft" });
    expect(Math.abs(scheduled.scheduledFor!.getTime() - (Date.now() + 3 * 3_600_000))).toBeLessThan(61_000);

    await runSweep(new Date(), { broadcastBudgetMs: 5_000 });
    expect(await readIssue(id)).toMatchObject({ status: "draft" });

    await addConfirmed();
    const sweep = await runSweep(new Date(Date.now() + 3 * 3_600_000 + 60_000), { broadcastBudgetMs: 5_000 });
    expect(sweep.newsletter.scheduled).toEqual([id]);
    // That sweep ran three hours on, past her session's idle time.
    await signInAs(THERAPIST);
    const sent = await readIssue(id);
    expect(sent).toMatchObject({ status: "sent", scheduledFor: null, recipientCount: 2 });
    expect(await (await getDb()).select({ status: newsletterSends.status }).from(newsletterSends).where(eq(newsletterSends.issueId, id))).toEqual([{ status: "sent" }, { status: "sent" }]);
    expect((await auditTrail()).map((event) => [event.actor, event.action])).toEqual([
      [THERAPIST, "change"],
      [THERAPIST, "schedule-issue"],
      [null, "broadcast"],
    ]);
  });

  it("cancels a schedule before it goes: the sweep then sends nothing, and cancelling twice is refused", async () => {
    await signInAs(THERAPIST);
    await addConfirmed();
    const id = await draft();
    await scheduleSend({ id, sendAt: inHours(1) });
    expect(await cancelScheduledSend({ id })).toMatchObject({ status: "saved" });
    expect(await cancelScheduledSend({ id })).toMatchObject({ status: "invalid", formError: expect.stringContaining("not scheduled") });
    await runSweep(new Date(Date.now() + 2 * 3_600_000), { broadcastBudgetMs: 5_000 });
    await signInAs(THERAPIST);
    expect(await readIssue(id)).toMatchObject({ status: "draft", scheduledFor: null });
    expect(await (await getDb()).select().from(newsletterSends)).toEqual([]);
  });

  it("sending by hand ends the schedule", async () => {
    await signInAs(THERAPIST);
    await addConfirmed();
    const id = await draft();
    await scheduleSend({ id, sendAt: inHours(1) });
    await sendToAll({ id, confirm: "yes" });
    expect((await (await getDb()).select({ scheduledFor: newsletterIssues.scheduledFor }).from(newsletterIssues).where(eq(newsletterIssues.id, id)))[0]).toEqual({ scheduledFor: null });
    expect(await scheduleSend({ id, sendAt: inHours(2) })).toMatchObject({ status: "invalid", formError: expect.stringContaining("sent") });
  });

  it("refuses a time gone, too far, malformed or skipped by the clocks, and writes nothing", async () => {
    await signInAs(THERAPIST);
    const id = await draft();
    const before = await databaseSnapshot();
    for (const sendAt of [inHours(-1), inHours(0), inHours(24 * 400), "tomorrow", "2027-03-14T02:30", ""]) {
      expect(await scheduleSend({ id, sendAt }), sendAt).toMatchObject({ status: "invalid", fieldErrors: { sendAt: [expect.any(String)] } });
    }
    expect(await scheduleSend({ id: randomUUID(), sendAt: inHours(2) })).toMatchObject({ status: "invalid" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  for (const [who, becomeIntruder] of intruders) {
    it(`refuses ${who}, and writes nothing`, async () => {
      const { issueId: id } = await createIssue(therapistForTests(THERAPIST), { subject: "Winter news", body: "Hello" });
      await becomeIntruder();
      await expectEveryCallRefused({ scheduleSend: () => scheduleSend({ id, sendAt: inHours(2) }), cancelScheduledSend: () => cancelScheduledSend({ id }) });
    });
  }
});
