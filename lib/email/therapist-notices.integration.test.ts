import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contactMessages, outboxEmails } from "@/db/schema";
import { sendContactMessage } from "@/lib/contact/send-message";
import { cancelBookingByVisitor } from "@/lib/booking/manage-booking";
import { practice } from "@/lib/practice/practice";
import { NOW, intakeRequest, ip, requestConfirmedBooking } from "@/lib/testing/booking-fixtures";
import { withFakeResend } from "@/lib/testing/fake-resend";
import { resetEnvForTests } from "@/lib/env";
import { drainOutbox } from "./dispatcher";
import { summaryNews } from "./therapist-notices";

const fake = withFakeResend();

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

const contact = () => ({
  formKey: randomUUID(),
  website: "",
  name: "Robin",
  email: `robin.${randomUUID().slice(0, 8)}@example.com`,
  phone: "",
  preferredContact: "email",
  message: "Hello",
  consent: "yes",
});

async function toTherapist() {
  const db = await getDb();
  return db.select().from(outboxEmails).where(eq(outboxEmails.recipient, practice.notificationEmail)).orderBy(outboxEmails.createdAt);
}

describe("notices to the therapist", () => {
  it("sends at most two emails for 50 messages in a minute: the first at once, then one summary with the right count when ten minutes have passed", async () => {
    // Each from a network of its own, so no per-network limit refuses any of them.
    for (let i = 0; i < 50; i += 1) {
      const result = await sendContactMessage(contact(), { ip: ip(), now: new Date(NOW.getTime() + i * 1_000) });
      expect(result.status).toBe("success");
    }
    const db = await getDb();
    // Each message is stored at once.
    expect((await db.select({ n: count() }).from(contactMessages))[0]!.n).toBe(50);
    const queued = await toTherapist();
    expect(queued.map((email) => email.template)).toEqual(["contact-notification", "therapist-summary"]);
    expect(queued[0]!.nextAttemptAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(queued[1]!.nextAttemptAt).toEqual(minutes(10));
    expect(queued[1]!.props).toMatchObject({ kind: "messages", news: "49 new messages", roomUrl: "http://localhost:3000/admin/messages" });

    // The first goes now; the summary waits for its window to close.
    await drainOutbox({ now: minutes(1) });
    expect(fake.emails().filter((email) => email.to.includes(practice.notificationEmail)).map((email) => email.subject)).toEqual(["New message on your website"]);
    await drainOutbox({ now: minutes(10) });
    const sent = fake.emails().filter((email) => email.to.includes(practice.notificationEmail));
    expect(sent).toHaveLength(2);
    expect(sent[1]!.subject).toBe("New messages on your website");
    expect(sent[1]!.text).toContain("49 new messages");
    expect(sent[1]!.text).toContain("http://localhost:3000/admin/messages");
    // Counts only: no name, address or word of any message.
    expect(`${sent[1]!.html}${sent[1]!.text}`).not.toMatch(/Robin|example\.com|Hello/);
  }, 120_000);

  it("gathers what follows a summary into the next one, and sends at once again after ten quiet minutes", async () => {
    await sendContactMessage(contact(), { ip: ip(), now: minutes(0) });
    await sendContactMessage(contact(), { ip: ip(), now: minutes(3) });
    // The summary has been claimed and sent: a message after it may not add to an email already gone.
    await drainOutbox({ now: minutes(10) });
    await sendContactMessage(contact(), { ip: ip(), now: minutes(12) });
    await sendContactMessage(contact(), { ip: ip(), now: minutes(15) });
    let queued = await toTherapist();
    expect(queued.map((email) => [email.template, email.status])).toEqual([
      ["contact-notification", "sent"],
      ["therapist-summary", "sent"],
      ["therapist-summary", "pending"],
    ]);
    expect(queued[1]!.props).toMatchObject({ news: "1 new message" });
    expect(queued[2]!.props).toMatchObject({ news: "2 new messages" });
    // Ten minutes after the first summary's window closed, not ten after the message.
    expect(queued[2]!.nextAttemptAt).toEqual(minutes(20));

    // Due but not yet sent when the next message comes: it is counted into it rather than sent alone.
    await sendContactMessage(contact(), { ip: ip(), now: minutes(21) });
    queued = await toTherapist();
    expect(queued).toHaveLength(3);
    expect(queued[2]!.props).toMatchObject({ news: "3 new messages" });
    await drainOutbox({ now: minutes(21) });

    // Ten quiet minutes after the last email: the next message is told at once.
    await sendContactMessage(contact(), { ip: ip(), now: minutes(31) });
    queued = await toTherapist();
    expect(queued.map((email) => email.template).sort()).toEqual(["contact-notification", "contact-notification", "therapist-summary", "therapist-summary"]);
    expect(queued.filter((email) => email.status === "pending").map((email) => email.template)).toEqual(["contact-notification"]);
  });

  it("keeps messages and appointments apart: each kind has its own window", async () => {
    await sendContactMessage(contact(), { ip: ip(), now: NOW });
    const booked = await requestConfirmedBooking(intakeRequest(), { ip: ip(), now: NOW });
    if (booked.status !== "requested") throw new Error("the request was not made");
    await cancelBookingByVisitor({ token: booked.manageToken }, { ip: ip(), now: minutes(2) });
    const db = await getDb();
    const queued = await toTherapist();
    expect(queued.map((email) => email.template).sort()).toEqual(["booking-notification", "contact-notification", "therapist-summary"]);
    const [summary] = await db.select().from(outboxEmails).where(eq(outboxEmails.template, "therapist-summary"));
    expect(summary!.props).toMatchObject({ kind: "appointments", news: "1 appointment cancelled", roomUrl: "http://localhost:3000/admin/requests" });
    expect(summary!.subject).toBe("Changes to your appointments");
  });
});

describe("summaryNews", () => {
  it("with no window (THERAPIST_NOTICE_MINUTES=0) tells each event at once, even one whose request started before the last", async () => {
    process.env.THERAPIST_NOTICE_MINUTES = "0";
    resetEnvForTests();
    try {
      // Concurrent posts commit out of order: the second to commit started a second earlier.
      for (const at of [minutes(1), new Date(minutes(1).getTime() - 1_000), minutes(1)]) {
        expect((await sendContactMessage(contact(), { ip: ip(), now: at })).status).toBe("success");
      }
      expect((await toTherapist()).map((email) => email.template)).toEqual(["contact-notification", "contact-notification", "contact-notification"]);
    } finally {
      delete process.env.THERAPIST_NOTICE_MINUTES;
      resetEnvForTests();
    }
  });

  it("says counts in words, with nothing anyone wrote", () => {
    expect(summaryNews({ message: 1 })).toBe("1 new message");
    expect(summaryNews({ requested: 3, cancelled: 1, rescheduled: 2 })).toBe("3 new appointment requests, 2 appointments moved and 1 appointment cancelled");
  });
});
