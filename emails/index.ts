import type { ComponentType } from "react";
import ContactAcknowledgementEmail from "./contact-acknowledgement";
import ContactNotificationEmail from "./contact-notification";
import SignInLinkEmail from "./sign-in-link";

type Sender = "visitors" | "notifications";

type Template<P> = {
  component: ComponentType<P>;
  /** Subjects are neutral: nobody glancing at an inbox learns why you wrote. */
  subject: (props: P) => string;
  from: Sender;
};

function template<P>(definition: Template<P>) {
  return definition;
}

/** Every email the portal sends, by the name stored in the outbox. */
export const emailTemplates = {
  "contact-acknowledgement": template({
    component: ContactAcknowledgementEmail,
    subject: () => "We received your message",
    from: "visitors",
  }),
  "contact-notification": template({
    component: ContactNotificationEmail,
    subject: () => "New message on your website",
    from: "notifications",
  }),
  "sign-in-link": template({
    component: SignInLinkEmail,
    subject: () => "Your sign-in link",
    from: "notifications",
  }),
};

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<T extends EmailTemplateName> =
  (typeof emailTemplates)[T] extends Template<infer P> ? P : never;
