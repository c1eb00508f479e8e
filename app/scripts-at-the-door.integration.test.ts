import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sendContactMessageAction } from "@/app/(site)/contact/actions";
import { requestBookingAction } from "@/app/(site)/book/actions";
import { subscribeAction } from "@/app/(site)/newsletter/actions";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { findFreeSlots } from "@/lib/booking/availability";
import { findSessionType } from "@/lib/booking/session-types";
import { heldBackEmails } from "@/lib/email/unverified";
import { SOCKET_ADDRESS_HEADER } from "@/lib/server/socket-address";
import { intakeRequest } from "@/lib/testing/booking-fixtures";
import { navigationOf, request } from "@/lib/testing/request-scope";

/*
 * Issue #18, finding 1, end to end through the server actions as a browser
 * reaches them: three scripts spend everything they are allowed, and then a
 * real visitor on an unrelated network books, writes and signs up, and each
 * of her emails is queued, not held back, at the default ceiling on emails
 * to unconfirmed addresses. The client's address comes from the socket, as
 * it does without a proxy (lib/security/client-ip.ts).
 */

const unique = (who: string) => `${who}.${randomUUID().slice(0, 8)}@example.com`;

function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

const idle = { status: "idle" } as const;

/** Posts the three public forms from `ip`, as the browser would; says which were let through. */
const post = {
  async contact(ip: string, email = unique("c")) {
    request.headers.set(SOCKET_ADDRESS_HEADER, ip);
    const fields = { formKey: randomUUID(), website: "", name: "Robin", email, phone: "", preferredContact: "email", message: "Hello", consent: "yes" };
    return sendContactMessageAction(idle, formData(fields));
  },
  async newsletter(ip: string, email = unique("n")) {
    request.headers.set(SOCKET_ADDRESS_HEADER, ip);
    return subscribeAction(idle, formData({ formKey: randomUUID(), website: "", email, firstName: "", consent: "yes", source: "newsletter" }));
  },
  async booking(ip: string, email = unique("b")) {
    request.headers.set(SOCKET_ADDRESS_HEADER, ip);
    const [slot] = await findFreeSlots(findSessionType("intake")!, { now: new Date() });
    if (!slot) throw new Error("no free intake time left");
    const fields = Object.fromEntries(Object.entries(intakeRequest({ startsAt: slot.startsAt.toISOString(), email })).map(([name, value]) => [name, String(value)]));
    try {
      return await requestBookingAction(idle, formData(fields));
    } catch (error) {
      // A held time moves on to "check your email".
      const navigation = navigationOf(error);
      if (navigation?.kind === "redirect") return { status: "held", to: navigation.to };
      throw error;
    }
  },
};

async function allThree(ip: string) {
  await post.contact(ip);
  await post.newsletter(ip);
  await post.booking(ip);
}

describe("no pool a stranger can drain", () => {
  it("after one IPv4 address sends 30, 150 addresses of one /64 and 20 /64s of one /48 theirs, a visitor elsewhere books, writes and signs up, and each of her emails is queued", async () => {
    // One IPv4 address: each form's own per-IP limit, 10 each, 30 emails to unconfirmed addresses.
    for (let i = 0; i < 10; i += 1) await allThree("203.0.113.9");
    // 150 addresses of one IPv6 /64, 50 rounds of the three forms.
    for (let i = 1; i <= 50; i += 1) await allThree(`2001:db8:aa:1:${i.toString(16)}::${((i * 7919) % 0xffff).toString(16)}`);
    // 20 /64s of one /48, each sending what one client may.
    for (let subnet = 1; subnet <= 20; subnet += 1) {
      for (let i = 1; i <= 4; i += 1) await allThree(`2001:db8:bb:${subnet.toString(16)}::${i}`);
    }

    // Each script spent its network's share of the hour's 30 and no more: a tenth for each client, a fifth for the /48.
    const db = await getDb();
    const spent = await db.select({ to: outboxEmails.recipient }).from(outboxEmails).where(inArray(outboxEmails.template, ["booking-hold", "contact-acknowledgement", "newsletter-confirmation"]));
    expect(spent).toHaveLength(3 + 3 + 6);
    expect((await heldBackEmails(new Date(0), db)).count).toBeGreaterThan(100);

    const started = Date.now();
    const visitor = { ip: "192.0.2.44", email: unique("visitor") };
    expect(await post.booking(visitor.ip, visitor.email)).toEqual({ status: "held", to: expect.stringMatching(/^\/book\/check-your-email\/[A-Za-z0-9_-]{43}$/) });
    const contactEmail = unique("visitor-writes");
    expect(await post.contact(visitor.ip, contactEmail)).toEqual({ status: "success" });
    const signupEmail = unique("visitor-signs-up");
    expect(await post.newsletter(visitor.ip, signupEmail)).toEqual({ status: "success" });

    const hers = await db
      .select({ to: outboxEmails.recipient, template: outboxEmails.template, due: outboxEmails.nextAttemptAt })
      .from(outboxEmails)
      .where(and(inArray(outboxEmails.recipient, [visitor.email, contactEmail, signupEmail]), eq(outboxEmails.status, "pending")));
    expect(hers.map((email) => email.template).sort()).toEqual(["booking-hold", "contact-acknowledgement", "newsletter-confirmation"]);
    // Due now, so the delivery after the response (or the next sweep) sends each within a minute.
    for (const email of hers) expect(email.due.getTime()).toBeLessThanOrEqual(started + 60_000);
    // Some 550 posts: minutes on a loaded machine.
  }, 300_000);
});
