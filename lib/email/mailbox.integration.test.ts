import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { resetEnvForTests } from "@/lib/env";
import { listMailbox, readMailboxEmail } from "./mailbox";
import { enqueueEmail } from "./outbox";

// As `npm run dev` starts it.
beforeEach(() => {
  process.env.DEV_MAILBOX = "1";
  resetEnvForTests();
});
afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.DEV_MAILBOX;
  resetEnvForTests();
});

async function queueAcknowledgement() {
  const db = await getDb();
  return db.transaction((tx) => enqueueEmail(tx, { to: "kai@example.com", template: "contact-acknowledgement", props: {} }));
}

describe("the development mailbox", () => {
  it("lists queued emails and shows each as the recipient would see it, HTML and plain text", async () => {
    const id = await queueAcknowledgement();
    expect(await listMailbox()).toEqual([expect.objectContaining({ id, recipient: "kai@example.com", subject: "We received your message" })]);
    const email = await readMailboxEmail(id);
    expect(email.html).toContain("Thank you for writing to");
    expect(email.text).toContain("Thank you for writing to");
  });

  it("does not exist once a Resend key is configured", async () => {
    const id = await queueAcknowledgement();
    process.env.RESEND_API_KEY = "re_live_key";
    resetEnvForTests();
    await expect(listMailbox()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    await expect(readMailboxEmail(id)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });

  it("does not exist without the explicit opt-in, even in development without a Resend key", async () => {
    const id = await queueAcknowledgement();
    delete process.env.DEV_MAILBOX;
    resetEnvForTests();
    await expect(listMailbox()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    await expect(readMailboxEmail(id)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });

  it("answers 404 for an id that is not an email", async () => {
    await expect(readMailboxEmail("../../etc/passwd")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });
});
