import "server-only";
import { z } from "zod";
import { guardedOperation, guardedRead, refusal, saved } from "@/lib/auth/guarded-operation";
import { moveUp, offerByHand, removeFromWaitlist, setPaused, waitingCount, waitlistLine } from "@/lib/waitlist/therapist";

/*
 * The Waitlist room of the private area: each function comes through the
 * door in lib/auth/guarded-operation.ts, hands the therapist to
 * lib/waitlist, and records each write in the audit log (ids only).
 */

export const readWaitlist = guardedRead(async ({ therapist }) => waitlistLine(therapist));

export const waitlistAtAGlance = guardedRead(async ({ therapist }) => waitingCount(therapist));

const entryIdSchema = z.strictObject({ id: z.string().max(100) });

export const moveUpOnWaitlist = guardedOperation(entryIdSchema, async ({ id }, { therapist, audit }) => {
  const result = await moveUp(therapist, id);
  if (result.status === "refused") return refusal({ formError: result.message });
  await audit({ action: "change", subjectType: "waitlist-entry", subjectId: id, detail: { movedUp: true } });
  return saved("Moved up one place.");
});

export const pauseOnWaitlist = guardedOperation(entryIdSchema.extend({ paused: z.enum(["yes", "no"]) }), async ({ id, paused }, { therapist, audit }) => {
  const result = await setPaused(therapist, id, paused === "yes");
  if (result.status === "refused") return refusal({ formError: result.message });
  await audit({ action: "change", subjectType: "waitlist-entry", subjectId: id, detail: { paused: paused === "yes" } });
  return saved(paused === "yes" ? "Paused: no time is offered to her until you resume." : "Resumed: she waits in the same place.");
});

export const removeOnWaitlist = guardedOperation(entryIdSchema, async ({ id }, { therapist, audit }) => {
  const result = await removeFromWaitlist(therapist, id);
  if (result.status === "refused") return refusal({ formError: result.message });
  await audit({ action: "change", subjectType: "waitlist-entry", subjectId: id, detail: { removed: true } });
  return saved("Removed from the waitlist.");
});

export const offerTimeOnWaitlist = guardedOperation(
  entryIdSchema.extend({ startsAt: z.iso.datetime({ error: "Please choose a time." }).transform((value) => new Date(value)) }),
  async ({ id, startsAt }, { therapist, audit }) => {
    const result = await offerByHand(therapist, id, startsAt);
    if (result.status === "refused") return refusal({ fieldErrors: result.reason === "not-found" ? {} : { startsAt: [result.message] }, formError: result.message });
    await audit({ action: "change", subjectType: "waitlist-entry", subjectId: id, detail: { offeredByHand: startsAt.toISOString() } });
    return saved("Offered. She has the email; the time is held for her until the offer ends.");
  },
);
