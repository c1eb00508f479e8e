import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { withFakeResend } from "@/lib/testing/fake-resend";
import { dispatchOutbox } from "./dispatcher";
import { enqueueEmail } from "./outbox";

const fake = withFakeResend();

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
    await db.transaction((tx) => enqueueEmail(tx, { to: "someone@example.com", template: "contact-acknowledgement", props: {} }));
    await dispatchOutbox();
    expect(fake.emails()[0]!.headers).toEqual({});
    expect(fake.emails()[0]!.from).toBe("Still Water Therapy <hello@stillwater.example>");
  });
});
