import { describe, expect, it } from "vitest";
import { previewBooking } from "@/emails/components/booking-details";
// As the server does at start (lib/server-start.ts): booking emails need lib/booking's links and formatting.
import "@/lib/booking/booking-emails";
import "@/lib/waitlist/waitlist-emails";
import { emailAtSend } from "./at-send";
import { renderEmail } from "./render";
import { emailTemplates, templatesMadeAtSend } from "./templates";

describe("every email", () => {
  it.each(Object.entries(emailTemplates))("%s renders from its preview props with a neutral subject", async (name, definition) => {
    const props = (definition.component as unknown as { PreviewProps: Record<string, unknown> }).PreviewProps;
    expect(props).toBeTruthy();
    const { html, text, attachments } = await renderEmail(name, props);
    expect(text).not.toMatch(/undefined|NaN|Invalid Date|\[object Object\]/);
    // The crisis lines are for visitors; the therapist's own notices go without them.
    if (definition.from === "notifications") expect(html).not.toContain("988");
    else expect(html).toContain("988");
    const subject = (definition.subject as (p: unknown) => string)(props);
    // Nobody glancing at an inbox learns it is about therapy, or who wrote.
    expect(subject).not.toMatch(/therap|trauma|intake|counsel|Jordan/i);
    for (const attachment of attachments) {
      expect(Buffer.from(attachment.content, "base64").toString()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    }
  });
});

describe("props made when an email is sent", () => {
  it.each(templatesMadeAtSend)("%s has them registered by its capability", (name) => {
    expect(emailAtSend(name)).toBeDefined();
  });

  it("come from what the outbox stored: the time in the visitor's zone, the office, the practice's words", async () => {
    const { text } = await renderEmail("booking-reminder", { ...previewBooking, timeZone: "Europe/Berlin", format: "in-person" });
    expect(text).toMatch(/Tuesday, March 10, 2026, 5:00\s–\s5:50\sPM Central European Time \(50 minutes\)/);
    expect(text).toContain("Times are in Central European Time (Europe/Berlin).");
    expect(text).toMatch(/The session is at:\s+Still Water Therapy\s+2240 SE Division Street, Suite 3\s+Portland, OR 97202/);
    expect(text).toContain("Warmly,\nStill Water Therapy");
  });
});

describe("booking emails", () => {
  it("the therapist's notice is only a link into the private area", async () => {
    const { text } = await renderEmail("booking-notification", {
      kind: "requested",
      bookingId: "00000000-0000-4000-8000-000000000000",
      bookingUrl: "http://localhost:3000/admin/requests/00000000-0000-4000-8000-000000000000",
    });
    expect(text).toMatch(/http:\/\/localhost:3000\/admin\/requests\/0{8}-/);
    expect(text).not.toMatch(/@|AM|PM|2026/);
  });

  it("says which session and when, when it has them, and still nothing of who", async () => {
    const { text } = await renderEmail("booking-notification", {
      kind: "requested",
      bookingId: "00000000-0000-4000-8000-000000000000",
      bookingUrl: "http://localhost:3000/admin/requests/00000000-0000-4000-8000-000000000000",
      sessionName: "Intake session",
      when: "Wednesday, March 3, 2027, 12:00 – 12:50 PM Pacific Time (50 minutes)",
    });
    expect(text).toContain("Intake session, Wednesday, March 3, 2027, 12:00 – 12:50 PM Pacific Time (50 minutes).");
    expect(text).toMatch(/open the request/i);
    expect(text).not.toMatch(/@/);
  });
});

describe("links made when an email is sent", () => {
  // A booking email's props as the outbox stores them.
  const stored = previewBooking;

  it("carry the manage link, which the outbox never stores", async () => {
    const { text } = await renderEmail("booking-reminder", stored);
    expect(text).toMatch(/\/book\/manage\/[A-Za-z0-9_-]{43}/);
  });

  it("send a row queued before the booking page's link was stored to the booking page", async () => {
    const { text } = await renderEmail("booking-expired", stored);
    expect(text).toMatch(/Choose a new time\s*\S*\/book\b/);
  });
});

describe("a newsletter issue", () => {
  it("keeps the line breaks she typed, in the HTML and the text", async () => {
    const { html, text } = await renderEmail("newsletter-issue", {
      subject: "Hello",
      body: "Thank you for reading.\n\nWarmly,\nMaya",
      siteUrl: "http://localhost:3000",
      unsubscribeUrl: "http://localhost:3000/newsletter/unsubscribe/t",
    });
    expect(html).toMatch(/Warmly,<br\/?>Maya/);
    expect(text).toMatch(/Warmly,\n+Maya/);
  });
});
