import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sendContactMessageAction } from "@/app/(site)/contact/actions";
import { subscribeAction } from "@/app/(site)/newsletter/actions";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { listMessages } from "@/lib/admin/messages";
import { resetEnvForTests } from "@/lib/env";
import { subscribe } from "@/lib/newsletter/subscribe";
import { SOCKET_ADDRESS_HEADER } from "@/lib/server/socket-address";
import { restoreEnvAfterEach } from "@/lib/testing/env";
import { request } from "@/lib/testing/request-scope";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";

/*
 * Issue #18, finding 2, for the contact form and the newsletter: when the
 * email to an unconfirmed address is held back, the answer says so (the page
 * then gives the practice's phone and email, see components/forms/*.test.tsx),
 * what was sent is kept, and the therapist's messages room marks the message.
 */

const unique = (who: string) => `${who}.${randomUUID().slice(0, 8)}@example.com`;
const idle = { status: "idle" } as const;

function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

const contactForm = (email: string, name = "Robin") =>
  formData({ formKey: randomUUID(), website: "", name, email, phone: "", preferredContact: "email", message: "Hello", consent: "yes" });
const signupForm = (email: string) => formData({ formKey: randomUUID(), website: "", email, firstName: "", consent: "yes", source: "newsletter" });

function from(ip: string) {
  request.headers.set(SOCKET_ADDRESS_HEADER, ip);
}

async function emailsTo(address: string) {
  const db = await getDb();
  return db.select({ template: outboxEmails.template }).from(outboxEmails).where(eq(outboxEmails.recipient, address));
}

describe("an email held back is never reported as sent", () => {
  restoreEnvAfterEach("UNVERIFIED_EMAILS_PER_HOUR");

  it("the contact form keeps the message, says no email is coming, and the therapist's room marks it", async () => {
    process.env.UNVERIFIED_EMAILS_PER_HOUR = "1";
    resetEnvForTests();
    from("192.0.2.10");
    const first = unique("first");
    expect(await sendContactMessageAction(idle, contactForm(first, "Ada Sent"))).toEqual({ status: "success" });
    expect(await emailsTo(first)).toEqual([{ template: "contact-acknowledgement" }]);

    from("198.51.100.7");
    const second = unique("second");
    expect(await sendContactMessageAction(idle, contactForm(second, "Bea Heldback"))).toEqual({ status: "success", emailHeldBack: true });
    expect(await emailsTo(second)).toEqual([]);

    await signInAs(THERAPIST);
    const inbox = await listMessages("inbox");
    expect(inbox.map((message) => [message.name, message.emailHeldBackAt !== null]).sort()).toEqual([
      ["Ada Sent", false],
      ["Bea Heldback", true],
    ]);
  });

  it("a newsletter signup says its confirmation was not sent, with JavaScript and without, until one is", async () => {
    process.env.UNVERIFIED_EMAILS_PER_HOUR = "1";
    resetEnvForTests();
    from("192.0.2.10");
    expect(await subscribeAction(idle, signupForm(unique("first")))).toEqual({ status: "success" });

    from("198.51.100.7");
    const held = unique("held");
    expect(await subscribeAction(idle, signupForm(held))).toEqual({ status: "success", emailHeldBack: true });
    expect(await emailsTo(held)).toEqual([]);
    // Signing up again minutes later is not answered "we sent it just now": nothing was sent.
    expect(await subscribeAction(idle, signupForm(held))).toEqual({ status: "success", emailHeldBack: true });

    // Once the hour has passed, the confirmation goes and the answer is "check your inbox" again.
    const later = new Date(Date.now() + 61 * 60_000);
    expect(await subscribe({ formKey: randomUUID(), website: "", email: held, consent: "yes", source: "newsletter" }, { ip: "198.51.100.7", now: later })).toEqual({
      status: "success",
    });
    expect(await emailsTo(held)).toEqual([{ template: "newsletter-confirmation" }]);
  });
});
