import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { openMessage, setMessageHandled } from "@/lib/admin/messages";
import { storedMessage } from "@/lib/testing/fixtures";
import { auditTrail } from "@/lib/testing/private-area";
import { redirectOf } from "@/lib/testing/request-scope";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { listAuditEvents } from "./audit";
import { recordAuditEvent } from "@/lib/audit/record";

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

  it("names the record as she knows it, never by its id", async () => {
    await signInAs(THERAPIST);
    const db = await getDb();
    const message = await storedMessage({ name: "Ada Byron" });
    await recordAuditEvent(db, { actor: THERAPIST, action: "change", subjectType: "contact-message", subjectId: message.id, detail: { handled: true } });
    await recordAuditEvent(db, { actor: THERAPIST, action: "change", subjectType: "booking", subjectId: "00000000-0000-4000-8000-000000000000", detail: { status: "no_show", withNote: true } });
    const [booking, changed] = await listAuditEvents();
    expect(changed).toMatchObject({ who: "Maya Ellison", what: "Changed", record: "message from Ada Byron", detailInWords: "handled" });
    expect(booking).toMatchObject({ record: "a request that was since erased", detailInWords: "status: no-show, with a note" });
    expect(JSON.stringify([booking!.record, changed!.record])).not.toMatch(/[0-9a-f]{8}-/);
  });

  it("records one opening a visit: acting on the open message does not open it again, coming back does", async () => {
    await signInAs(THERAPIST);
    const first = await storedMessage();
    const second = await storedMessage();
    await openMessage(first.id);
    await openMessage(first.id);
    await setMessageHandled({ id: first.id, handled: "yes" });
    await openMessage(first.id);
    await openMessage(second.id);
    await openMessage(first.id);
    expect((await auditTrail()).map((event) => [event.action, event.subjectId])).toEqual([
      ["read", first.id],
      ["change", first.id],
      ["read", second.id],
      ["read", first.id],
    ]);
  });

  it("is private", async () => {
    expect(await redirectOf(() => listAuditEvents())).toBe("/admin/sign-in");
    await signInAs("intruder@example.com");
    expect(await redirectOf(() => listAuditEvents())).toBe("/admin/sign-in");
  });
});
