import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { startFakeResend } from "@/e2e/fixtures/fake-resend.mjs";
import { resetEnvForTests } from "@/lib/env";
import { dispatchOutbox } from "./dispatcher";
import { enqueueEmail } from "./outbox";

let fake: Awaited<ReturnType<typeof startFakeResend>>;

beforeAll(async () => {
  fake = await startFakeResend();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = fake.url;
  resetEnvForTests();
});

afterAll(async () => {
  await fake.close();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvForTests();
});

describe("per-email headers in the outbox", () => {
  it("are stored with line breaks removed and reach Resend with the email", async () => {
    const db = await getDb();
    await db.transaction((tx) =>
      enqueueEmail(tx, {
        to: "reader@example.com",
        template: "newsletter-library-link",
        props: { libraryUrl: "http://localhost:3000/freebies/access/x", linkValidDays: 7, unsubscribeUrl: "http://localhost:3000/newsletter/unsubscribe/x" },
        headers: { "List-Unsubscribe": "<http://localhost:3000/api/newsletter/unsubscribe/x>\r\nBcc: everyone@example.com", "List-Id": "<newsletter.stillwater.example>" },
      }),
    );
    const [row] = await db.select().from(outboxEmails);
    expect(row!.headers).toEqual({
      "List-Unsubscribe": "<http://localhost:3000/api/newsletter/unsubscribe/x> Bcc: everyone@example.com",
      "List-Id": "<newsletter.stillwater.example>",
    });
    await dispatchOutbox();
    const [sent] = fake.emails();
    expect(sent!.headers).toEqual(row!.headers);
    expect(sent!.from).toBe("Still Water Therapy <newsletter@stillwater.example>");
  });

  it("are left out for an email that has none", async () => {
    const db = await getDb();
    fake.reset();
    await db.transaction((tx) => enqueueEmail(tx, { to: "someone@example.com", template: "contact-acknowledgement", props: { name: "Ada" } }));
    await dispatchOutbox();
    expect(fake.emails()[0]!.headers).toEqual({});
    expect(fake.emails()[0]!.from).toBe("Still Water Therapy <hello@stillwater.example>");
  });
});
