import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, outboxEmails } from "@/db/schema";
import { redirectOf } from "@/lib/testing/request-scope";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { cancelEmail, listOutbox, outboxNeedingAttention, retryEmail } from "./outbox-admin";
import { enqueueEmail } from "./outbox";

async function queued(status: "pending" | "failed" | "sent" = "pending") {
  const db = await getDb();
  const id = await db.transaction((tx) => enqueueEmail(tx, { to: "someone@example.com", template: "contact-acknowledgement", props: { name: "Ada" } }));
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
    expect(await outboxNeedingAttention()).toEqual({ failed: 1 });
  });

  it("sends a failed email again, and records it", async () => {
    await signInAs(THERAPIST);
    const id = await queued("failed");
    expect(await retryEmail({ id })).toEqual({ ok: true, value: { id } });
    expect(await statusOf(id)).toBe("pending");
    const [event] = await (await getDb()).select().from(auditEvents);
    expect(event).toMatchObject({ actor: THERAPIST, action: "retry-email", subjectId: id });
  });

  it("cancels a pending email, and records it", async () => {
    await signInAs(THERAPIST);
    const id = await queued("pending");
    expect(await cancelEmail({ id })).toEqual({ ok: true, value: { id } });
    expect(await statusOf(id)).toBe("cancelled");
    const [event] = await (await getDb()).select().from(auditEvents);
    expect(event).toMatchObject({ actor: THERAPIST, action: "cancel-email", subjectId: id });
  });

  it("refuses to retry what did not fail or cancel what is not waiting, and writes nothing", async () => {
    await signInAs(THERAPIST);
    const sent = await queued("sent");
    const pending = await queued("pending");
    const before = await databaseSnapshot();
    expect(await retryEmail({ id: sent })).toMatchObject({ ok: false, error: expect.stringContaining("Only an email that failed") });
    expect(await retryEmail({ id: pending })).toMatchObject({ ok: false });
    expect(await cancelEmail({ id: sent })).toMatchObject({ ok: false, error: expect.stringContaining("still waiting") });
    expect(await cancelEmail({ id: "not-an-id" })).toMatchObject({ ok: false, fieldErrors: { id: [expect.any(String)] } });
    expect(await databaseSnapshot()).toEqual(before);
  });

  for (const [who, setUp] of [
    ["no session", async () => {}],
    ["a signed-in user who is not a therapist", async () => void (await signInAs("intruder@example.com"))],
  ] as const) {
    it(`refuses every read and write for ${who}, and writes nothing`, async () => {
      await setUp();
      const failed = await queued("failed");
      const pending = await queued("pending");
      const before = await databaseSnapshot();
      expect(await redirectOf(() => listOutbox())).toBe("/admin/sign-in");
      expect(await redirectOf(() => outboxNeedingAttention())).toBe("/admin/sign-in");
      expect(await redirectOf(() => retryEmail({ id: failed }))).toBe("/admin/sign-in");
      expect(await redirectOf(() => cancelEmail({ id: pending }))).toBe("/admin/sign-in");
      expect(await databaseSnapshot()).toEqual(before);
    });
  }
});
