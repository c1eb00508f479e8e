import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { redirectOf } from "@/lib/testing/request-scope";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { listAuditEvents } from "./audit-log";
import { recordAuditEvent } from "./record";

describe("the audit log", () => {
  it("lists who did what to which record, newest first", async () => {
    await signInAs(THERAPIST);
    const db = await getDb();
    await recordAuditEvent(db, { actor: THERAPIST, action: "read", subjectType: "contact-message", subjectId: "m1", at: new Date(Date.now() - 1000) });
    await recordAuditEvent(db, { actor: null, action: "retention-purge", detail: { contactMessages: 2 } });
    expect((await listAuditEvents()).map((event) => [event.actor, event.action, event.subjectId, event.detail])).toEqual([
      [null, "retention-purge", null, { contactMessages: 2 }],
      [THERAPIST, "read", "m1", null],
    ]);
  });

  it("is private", async () => {
    expect(await redirectOf(() => listAuditEvents())).toBe("/admin/sign-in");
    await signInAs("intruder@example.com");
    expect(await redirectOf(() => listAuditEvents())).toBe("/admin/sign-in");
  });
});
