import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contactMessages } from "@/db/schema";
import { storedMessage } from "@/lib/testing/fixtures";
import { auditTrail as audit, expectEveryCallRefused, intruders } from "@/lib/testing/private-area";
import { navigationOf } from "@/lib/testing/request-scope";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { deleteMessage, listMessages, messagesNeedingAttention, openMessage, setMessageArchived, setMessageHandled } from "./messages";

async function messageRow(id: string) {
  const [row] = await (await getDb()).select().from(contactMessages).where(eq(contactMessages.id, id));
  return row;
}

/** Every function of this module, called as someone who must be refused. */
function everyCall(id: string) {
  return {
    listMessages: () => listMessages(),
    listArchived: () => listMessages("archived"),
    messagesNeedingAttention: () => messagesNeedingAttention(),
    openMessage: () => openMessage(id),
    setMessageHandled: () => setMessageHandled({ id, handled: "yes" }),
    setMessageArchived: () => setMessageArchived({ id, archived: "yes" }),
    deleteMessage: () => deleteMessage({ id }),
  };
}

describe("the contact inbox", () => {
  it("lists inbox messages newest first, and archived ones apart", async () => {
    await signInAs(THERAPIST);
    const older = await storedMessage({ name: "Older", message: "Older first line\nand more", createdAt: new Date(Date.now() - 60_000) });
    const newer = await storedMessage({ name: "Newer", message: "  Newer first line\r\nsecond" });
    const archived = await storedMessage({ name: "Archived", archivedAt: new Date() });
    expect((await listMessages()).map((message) => message.id)).toEqual([newer.id, older.id]);
    expect((await listMessages("archived")).map((message) => message.id)).toEqual([archived.id]);
    expect(await messagesNeedingAttention()).toEqual({ unread: 2, readNotHandled: 0 });
    expect((await listMessages()).map((message) => message.firstLine)).toEqual(["Newer first line", "Older first line"]);
    // Listing is not reading: nothing is marked read and nothing recorded.
    expect((await messageRow(newer.id))!.readAt).toBeNull();
    expect(await audit()).toEqual([]);
  });

  it("opening a message marks it read and records who read which message", async () => {
    await signInAs(THERAPIST);
    const stored = await storedMessage({ message: "<script>alert(1)</script> as typed" });
    const opened = await openMessage(stored.id);
    expect(opened).toMatchObject({ id: stored.id, message: "<script>alert(1)</script> as typed" });
    expect(opened.readAt).toBeInstanceOf(Date);
    expect(opened).not.toHaveProperty("formKeyHash");
    expect((await messageRow(stored.id))!.readAt).toBeInstanceOf(Date);
    expect(await audit()).toEqual([{ actor: THERAPIST, action: "read", subjectType: "contact-message", subjectId: stored.id, detail: null }]);
    expect(await messagesNeedingAttention()).toEqual({ unread: 0, readNotHandled: 1 });
  });

  it("answers a malformed or unknown id with a 404 and records nothing", async () => {
    await signInAs(THERAPIST);
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000", "' or 1=1 --"]) {
      await expect(openMessage(id)).rejects.toSatisfy((error) => navigationOf(error)?.kind === "not-found");
    }
    expect(await audit()).toEqual([]);
  });

  it("marks a message handled and not handled again, recording each change", async () => {
    await signInAs(THERAPIST);
    const stored = await storedMessage();
    expect(await setMessageHandled({ id: stored.id, handled: "yes" })).toEqual({ status: "saved", message: "Saved.", saved: { id: stored.id } });
    expect((await messageRow(stored.id))!.handledAt).toBeInstanceOf(Date);
    expect(await setMessageHandled({ id: stored.id, handled: "no" })).toMatchObject({ status: "saved" });
    expect((await messageRow(stored.id))!.handledAt).toBeNull();
    expect((await audit()).map((event) => event.detail)).toEqual([{ handled: true }, { handled: false }]);
  });

  it("archives a message and moves it back", async () => {
    await signInAs(THERAPIST);
    const stored = await storedMessage();
    expect(await setMessageArchived({ id: stored.id, archived: "yes" })).toMatchObject({ status: "saved" });
    expect(await listMessages()).toEqual([]);
    expect(await setMessageArchived({ id: stored.id, archived: "no" })).toMatchObject({ status: "saved" });
    expect((await listMessages()).map((message) => message.id)).toEqual([stored.id]);
  });

  it("deletes a message for good and records the deletion without its contents", async () => {
    await signInAs(THERAPIST);
    const stored = await storedMessage({ message: "Something private" });
    expect(await deleteMessage({ id: stored.id })).toEqual({ status: "saved", message: "The message is deleted.", saved: { id: stored.id } });
    expect(await messageRow(stored.id)).toBeUndefined();
    expect(await audit()).toEqual([{ actor: THERAPIST, action: "delete", subjectType: "contact-message", subjectId: stored.id, detail: null }]);
    expect(JSON.stringify(await databaseSnapshot())).not.toContain("Something private");
  });

  it("refuses bad input beside the field and writes nothing", async () => {
    await signInAs(THERAPIST);
    const stored = await storedMessage();
    const before = await databaseSnapshot();
    expect(await setMessageHandled({ id: stored.id, handled: "maybe" })).toMatchObject({ status: "invalid", fieldErrors: { handled: [expect.any(String)] } });
    expect(await setMessageArchived({ id: "nope", archived: "yes" })).toMatchObject({ status: "invalid", fieldErrors: { id: [expect.any(String)] }, values: { id: "nope" } });
    expect(await deleteMessage({ id: stored.id, extra: "x" })).toMatchObject({ status: "invalid", formError: expect.stringContaining("fields it does not have") });
    expect(await deleteMessage({ id: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ status: "invalid", formError: expect.stringContaining("no longer exists") });
    expect(await databaseSnapshot()).toEqual(before);
  });

  for (const [who, becomeIntruder] of intruders) {
    it(`refuses every read and write for ${who}, and writes nothing`, async () => {
      await becomeIntruder();
      const stored = await storedMessage();
      await expectEveryCallRefused(everyCall(stored.id));
    });
  }
});
