import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { practice } from "@/lib/practice/practice";
import { phoneForPeople } from "@/lib/practice/contact";
import { ContactForm } from "./contact-form";
import { PlainSubscribeForm } from "@/components/newsletter/subscribe-form-plain";
import { SubscribeForm } from "./subscribe-form";

// What the page shows for each answer the actions give (app/held-back-answers.integration.test.ts).
const never = async () => ({ status: "idle" }) as const;

const contactAnswer = (emailHeldBack: boolean) =>
  renderToStaticMarkup(<ContactForm formKey="k" action={never} initialState={emailHeldBack ? { status: "success", emailHeldBack: true } : { status: "success" }} />);
const signupAnswer = (emailHeldBack: boolean) =>
  renderToStaticMarkup(
    <SubscribeForm formKey="k" source="newsletter" action={never} initialState={emailHeldBack ? { status: "success", emailHeldBack: true } : { status: "success" }} />,
  );

const inPlaceAnswer = (emailHeldBack: boolean) =>
  renderToStaticMarkup(
    <PlainSubscribeForm source="footer" idPrefix="footer-subscribe" action={never} initialState={emailHeldBack ? { status: "success", emailHeldBack: true } : { status: "success" }} />,
  );

const practiceReach = (html: string) => {
  expect(html).toContain(phoneForPeople(practice.phone!));
  expect(html).toContain(`mailto:${practice.contactEmail}`);
};

describe("an answer whose email was held back", () => {
  it("on /contact: says the message arrived but no email will come, and how to reach the practice", () => {
    expect(contactAnswer(false)).toContain("You will receive an email confirming it arrived");
    const html = contactAnswer(true);
    expect(html).toContain("Thank you, your message has been sent");
    expect(html).toContain("We could not send you an email just now");
    expect(html).not.toContain("You will receive an email");
    practiceReach(html);
  });

  for (const [where, answer] of [["on /newsletter", signupAnswer], ["in the footer and under a post", inPlaceAnswer]] as const) {
    it(`${where}: never says check your inbox, and says how to reach the practice`, () => {
      expect(answer(false)).toContain("We have sent an email to that address");
      const html = answer(true);
      expect(html).toContain("Your subscription is not confirmed yet");
      expect(html).not.toMatch(/We have sent|Check your inbox/);
      practiceReach(html);
    });
  }
});
