import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contactMessages, outboxEmails, replies } from "@/db/schema";
import { findFreeSlots } from "@/lib/booking/availability";
import { findSessionType } from "@/lib/booking/session-types";
import { renderEmail } from "@/lib/email/render";
import { intakeRequest, ip, requestConfirmedBooking } from "@/lib/testing/booking-fixtures";
import { storedMessage } from "@/lib/testing/fixtures";
import { auditTrail, expectEveryCallRefused, intruders } from "@/lib/testing/private-area";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { openBooking } from "./booking";
import { openMessage } from "./messages";
import { replyToMessage, replyToRequest } from "./replies";

async function replyEmails() {
  return (await getDb()).select().from(outboxEmails).where(eq(outboxEmails.template, "practice-reply"));
}

describe("replying from the private area", () => {
  it("sends her words from the practice's address, quotes nothing the visitor typed, and keeps the thread with its delivery", async () => {
    await signInAs(THERAPIST);
    const message = await storedMessage({ name: "Ada Visitor", message: "My private story, secret-marker" });
    expect(await replyToMessage({ id: message.id, body: "Thank you for writing.\nWarmly,\nMaya", formKey: randomUUID() })).toMatchObject({ status: "saved", saved: { id: message.id } });
    const [email] = await replyEmails();
    expect(email).toMatchObject({ recipient: message.email, subject: "A reply to your message", status: "pending" });
    const { html, text } = await renderEmail(email!.template, email!.props);
    expect(text).toContain("Thank you for writing.");
    expect(html).toMatch(/Warmly,<br\/?>Maya/);
    for (const typed of ["secret-marker", "Ada Visitor"]) expect(`${html}${text}`).not.toContain(typed);

    // A webhook later says it arrived: the thread shows it.
    await (await getDb()).update(outboxEmails).set({ status: "sent", deliveryStatus: "delivered" }).where(eq(outboxEmails.id, email!.id));
    const opened = await openMessage(message.id);
    expect(opened.replies).toMatchObject([{ body: "Thank you for writing.\nWarmly,\nMaya", sentBy: THERAPIST, delivery: "delivered" }]);
    expect(await auditTrail()).toEqual([
      { actor: THERAPIST, action: "reply", subjectType: "contact-message", subjectId: message.id, detail: null },
      // Opening the page after replying is the same visit.
    ]);
  });

  it("replies to a booking request, and the thread goes with the request when it is deleted", async () => {
    await signInAs(THERAPIST);
    const [slot] = await findFreeSlots(findSessionType("intake")!, { now: new Date() });
    const booked = await requestConfirmedBooking(intakeRequest({ startsAt: slot!.startsAt.toISOString() }), { ip: ip() });
    if (booked.status !== "requested") throw new Error("booking refused");
    expect(await replyToRequest({ id: booked.bookingId, body: "Could we speak by phone first?", formKey: randomUUID() })).toMatchObject({ status: "saved" });
    expect((await openBooking(booked.bookingId)).replies).toMatchObject([{ body: "Could we speak by phone first?", delivery: "waiting" }]);

    const message = await storedMessage();
    // A posted textarea's CRLF is kept as one line break.
    await replyToMessage({ id: message.id, body: "Hello\r\nagain", formKey: randomUUID() });
    expect((await openMessage(message.id)).replies).toMatchObject([{ body: "Hello\nagain" }]);
    await (await getDb()).delete(contactMessages).where(eq(contactMessages.id, message.id));
    expect(await (await getDb()).select({ id: replies.id }).from(replies).where(eq(replies.contactMessageId, message.id))).toEqual([]);
  });

  it("refuses an empty, too long or unknown reply and writes nothing", async () => {
    await signInAs(THERAPIST);
    const message = await storedMessage();
    const before = await databaseSnapshot();
    expect(await replyToMessage({ id: message.id, body: "   ", formKey: randomUUID() })).toMatchObject({ status: "invalid", fieldErrors: { body: [expect.any(String)] } });
    expect(await replyToMessage({ id: message.id, body: "x".repeat(5001), formKey: randomUUID() })).toMatchObject({ status: "invalid", fieldErrors: { body: [expect.any(String)] } });
    expect(await replyToMessage({ id: message.id, body: "a\u0000b", formKey: randomUUID() })).toMatchObject({ status: "invalid", fieldErrors: { body: [expect.any(String)] } });
    expect(await replyToMessage({ id: "00000000-0000-4000-8000-000000000000", body: "Hello", formKey: randomUUID() })).toMatchObject({ status: "invalid", formError: expect.stringContaining("nothing was sent") });
    expect(await replyToRequest({ id: message.id, body: "Hello", formKey: randomUUID() })).toMatchObject({ status: "invalid", formError: expect.stringContaining("nothing was sent") });
    expect(await replyToMessage({ id: message.id, body: "Hello", cc: "x@example.com", formKey: randomUUID() })).toMatchObject({ status: "invalid" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("sends a reply once when its page is posted again, even both posts at once, and refuses a page without its key", async () => {
    await signInAs(THERAPIST);
    const message = await storedMessage();
    const formKey = randomUUID();
    const first = await replyToMessage({ id: message.id, body: "Only once, please.", formKey });
    // A reload of the answer without JavaScript posts the same page: the same answer, nothing sent again.
    expect(await replyToMessage({ id: message.id, body: "Only once, please.", formKey })).toEqual(first);
    const again = randomUUID();
    const together = await Promise.all([1, 2].map(() => replyToMessage({ id: message.id, body: "Two presses at once.", formKey: again })));
    expect(together[0]).toEqual(together[1]);
    expect((await replyEmails()).map((email) => email.recipient)).toEqual([message.email, message.email]);
    expect((await openMessage(message.id)).replies.map((reply) => reply.body)).toEqual(["Only once, please.", "Two presses at once."]);
    expect((await auditTrail()).filter((entry) => entry.action === "reply")).toHaveLength(2);

    const before = await databaseSnapshot();
    expect(await replyToMessage({ id: message.id, body: "No key" })).toMatchObject({ status: "invalid", formError: expect.stringContaining("out of date") });
    expect(await replyToMessage({ id: message.id, body: "Bad key", formKey: "not-a-key" })).toMatchObject({ status: "invalid", formError: expect.stringContaining("out of date") });
    expect(await databaseSnapshot()).toEqual(before);
  });

  for (const [who, becomeIntruder] of intruders) {
    it(`refuses ${who}, and writes nothing`, async () => {
      await becomeIntruder();
      const message = await storedMessage();
      await expectEveryCallRefused({
        replyToMessage: () => replyToMessage({ id: message.id, body: "Hello", formKey: randomUUID() }),
        replyToRequest: () => replyToRequest({ id: message.id, body: "Hello", formKey: randomUUID() }),
      });
    });
  }
});
