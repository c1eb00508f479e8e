import { describe, expect, it } from "vitest";
import { emailTemplates } from "@/emails";
import { renderEmail } from "@/lib/email/render";

const bookingTemplates = Object.entries(emailTemplates).filter(([name]) => name.startsWith("booking-"));

describe("booking emails", () => {
  it.each(bookingTemplates)("%s renders from its preview props with a neutral subject", async (name, definition) => {
    const props = (definition.component as unknown as { PreviewProps: Record<string, unknown> }).PreviewProps;
    expect(props).toBeTruthy();
    const { html, text, attachments } = await renderEmail(name, props);
    expect(text).not.toMatch(/undefined|NaN|Invalid Date|\[object Object\]/);
    expect(html).toContain("988");
    const subject = (definition.subject as (p: unknown) => string)(props);
    // Nobody glancing at an inbox learns it is about therapy, or who wrote.
    expect(subject).not.toMatch(/therap|trauma|intake|counsel|Jordan/i);
    for (const attachment of attachments) {
      expect(Buffer.from(attachment.content, "base64").toString()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    }
  });

  it("the therapist's notice is only a link into the private area", async () => {
    const { text } = await renderEmail("booking-notification", {
      kind: "requested",
      bookingId: "00000000-0000-4000-8000-000000000000",
      bookingUrl: "http://localhost:3000/admin/requests/00000000-0000-4000-8000-000000000000",
    });
    expect(text).toMatch(/http:\/\/localhost:3000\/admin\/requests\/0{8}-/);
    expect(text).not.toMatch(/@|AM|PM|2026/);
  });
});
