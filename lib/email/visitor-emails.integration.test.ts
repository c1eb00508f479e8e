import { randomUUID } from "node:crypto";
import { ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outboxEmails, subscribers } from "@/db/schema";
import { requestBooking } from "@/lib/booking/request-booking";
import { sendContactMessage } from "@/lib/contact/send-message";
import { confirmSubscription } from "@/lib/newsletter/confirm";
import { tokenHash } from "@/lib/newsletter/links";
import { subscribe } from "@/lib/newsletter/subscribe";
import { practice } from "@/lib/practice/practice";
// Registers what the waitlist's emails are rendered with, as the server does at start.
import "@/lib/waitlist/waitlist-emails";
import {
  NOW,
  at,
  consultationRequest,
  intakeRequest,
  ip,
} from "@/lib/testing/booking-fixtures";
import { renderEmail } from "./render";
import { emailTemplates } from "./templates";

/** What a stranger types to make the practice's verified sender carry their words to someone else. */
const HOSTILE = "Your account is locked, verify at http://evil.example/login";

const stored = (address: string) =>
  `${address.split("@")[0]}.${randomUUID().slice(0, 6)}@example.com`;

describe("no email to a visitor carries anything a visitor typed", () => {
  it("whatever every public form was sent, no visitor email shows it", async () => {
    await sendContactMessage(
      {
        formKey: randomUUID(),
        website: "",
        name: HOSTILE,
        email: stored("c"),
        phone: "",
        preferredContact: "email",
        message: HOSTILE,
        consent: "yes",
      },
      { ip: ip() },
    );
    await requestBooking(
      intakeRequest({
        name: HOSTILE,
        whatBringsYou: HOSTILE,
        email: stored("i"),
      }),
      { ip: ip(), now: NOW },
    );
    await requestBooking(
      consultationRequest({
        startsAt: at("2027-03-01", "13:00").toISOString(),
        name: HOSTILE,
        whatBringsYou: HOSTILE,
        email: stored("b"),
      }),
      { ip: ip(), now: NOW },
    );
    const subscriber = stored("s");
    await subscribe(
      {
        formKey: randomUUID(),
        website: "",
        email: subscriber,
        firstName: HOSTILE.slice(0, 40),
        consent: "yes",
        source: "freebies",
      },
      { ip: ip() },
    );

    // Confirm the subscription too, so the welcome email is checked as well.
    const db = await getDb();
    const token = "t".repeat(43);
    await db.update(subscribers).set({ confirmTokenHash: tokenHash(token) });
    expect((await confirmSubscription(token)).confirmed).toBe(true);

    const toVisitors = await db
      .select()
      .from(outboxEmails)
      .where(ne(outboxEmails.recipient, practice.notificationEmail));
    const templates = toVisitors.map((email) => email.template);
    expect(templates).toEqual(
      expect.arrayContaining([
        "contact-acknowledgement",
        "newsletter-confirmation",
        "newsletter-welcome",
      ]),
    );
    expect(
      templates.filter((template) => template.startsWith("booking-")),
    ).toHaveLength(2);
    for (const email of toVisitors) {
      const { html, text, attachments } = await renderEmail(
        email.template,
        email.props,
      );
      const all = [
        email.subject,
        html,
        text,
        JSON.stringify(email.props),
        ...attachments.map((file) =>
          Buffer.from(file.content, "base64").toString(),
        ),
      ].join("\n");
      expect(all, email.template).not.toContain("evil.example");
      expect(all, email.template).not.toContain("account is locked");
    }
  });

  it.each(Object.keys(emailTemplates))(
    "%s renders no name or message even when its props carry one",
    async (template) => {
      const preview = (
        emailTemplates[template as keyof typeof emailTemplates]
          .component as unknown as { PreviewProps: Record<string, unknown> }
      ).PreviewProps;
      const { html, text } = await renderEmail(template, {
        ...preview,
        name: HOSTILE,
        firstName: HOSTILE,
        message: HOSTILE,
        whatBringsYou: HOSTILE,
      });
      expect(`${html}${text}`).not.toContain("evil.example");
    },
  );
});
