import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { auditTrail, expectEveryCallRefused, intruders } from "@/lib/testing/private-area";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { cancelEmail, listOutbox, outboxNeedingAttention, retryEmail } from "./outbox";
import { enqueueEmail } from "@/lib/email/outbox";

async function queued(status: "pending" | "failed" | "sent" = "pending") {
  const db = await getDb();
  const id = await db.transaction((tx) => enqueueEmail(tx, { to: "someone@example.com", template: "contact-acknowledgement", props: {} }));
  if (status !== "pending") await db.update(outboxEmails).set({ status, attempts: 8, lastError: "internal_server_error: Fake outage" }).where(eq(outboxEmails.id, id));
  return id;
}

async function statusOf(id: string) {
  const [row] = await (await getDb()).select({ status: outboxEmails.status }).from(outboxEmails).where(eq(outboxEmails.id, id));
  return row?.status;
}

describe("the outbox room", () => {
  it("lists every email with its delivery state and no body", async () => {
    await signInAs(THERAPIST);
    const id = await queued("failed");
    const [email] = await listOutbox();
    expect(email).toMatchObject({
      id,
      recipient: "someone@example.com",
      template: "contact-acknowledgement",
      subject: "We received your message",
      status: "failed",
      attempts: 8,
      lastError: "internal_server_error: Fake outage",
    });
    expect(email).not.toHaveProperty("props");
    expect(JSON.stringify(await listOutbox())).not.toContain("Ada");
    expect(await outboxNeedingAttention()).toMatchObject({ failed: 1, heldBack: { count: 0 } });
  });

  for (const [move, from, call, to, action, message] of [
    ["sends a failed email again", "failed", retryEmail, "pending", "retry-email", "The email will be sent again."],
    ["cancels a pending email", "pending", cancelEmail, "cancelled", "cancel-email", "The email is cancelled."],
  ] as const) {
    it(`${move}, and records it`, async () => {
      await signInAs(THERAPIST);
      const id = await queued(from);
      expect(await call({ id })).toEqual({ status: "saved", message, saved: { id } });
      expect(await statusOf(id)).toBe(to);
      expect(await auditTrail()).toEqual([{ actor: THERAPIST, action, subjectType: "outbox-email", subjectId: id, detail: null }]);
    });
  }

  it("refuses to retry what did not fail or cancel what is not waiting, and writes nothing", async () => {
    await signInAs(THERAPIST);
    const sent = await queued("sent");
    const pending = await queued("pending");
    const before = await databaseSnapshot();
    expect(await retryEmail({ id: sent })).toMatchObject({ status: "invalid", formError: expect.stringContaining("Only an email that failed") });
    expect(await retryEmail({ id: pending })).toMatchObject({ status: "invalid" });
    expect(await cancelEmail({ id: sent })).toMatchObject({ status: "invalid", formError: expect.stringContaining("still waiting") });
    expect(await cancelEmail({ id: "not-an-id" })).toMatchObject({ status: "invalid", fieldErrors: { id: [expect.any(String)] } });
    expect(await databaseSnapshot()).toEqual(before);
  });

  for (const [who, becomeIntruder] of intruders) {
    it(`refuses every read and write for ${who}, and writes nothing`, async () => {
      await becomeIntruder();
      const failed = await queued("failed");
      const pending = await queued("pending");
      await expectEveryCallRefused({
        listOutbox: () => listOutbox(),
        outboxNeedingAttention: () => outboxNeedingAttention(),
        retryEmail: () => retryEmail({ id: failed }),
        cancelEmail: () => cancelEmail({ id: pending }),
      });
    });
  }
});
