import type { ComponentType } from "react";
import ContactAcknowledgementEmail from "./contact-acknowledgement";
import ContactNotificationEmail from "./contact-notification";
import NewsletterConfirmationEmail from "./newsletter-confirmation";
import NewsletterIssueEmail from "./newsletter-issue";
import NewsletterLibraryLinkEmail from "./newsletter-library-link";
import NewsletterWelcomeEmail from "./newsletter-welcome";

type Sender = "visitors" | "notifications" | "newsletter";

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
  "newsletter-confirmation": template({
    component: NewsletterConfirmationEmail,
    subject: () => "Please confirm your subscription",
    from: "newsletter",
  }),
  "newsletter-welcome": template({
    component: NewsletterWelcomeEmail,
    subject: () => "Welcome: the way into your library",
    from: "newsletter",
  }),
  "newsletter-library-link": template({
    component: NewsletterLibraryLinkEmail,
    subject: () => "Your link to the library",
    from: "newsletter",
  }),
  "newsletter-issue": template({
    component: NewsletterIssueEmail,
    // The therapist's own words, written in the private area.
    subject: (props) => props.subject,
    from: "newsletter",
  }),
};

/** Templates that are newsletter mail: sent from the newsletter address, stopped by unsubscribing. */
export const newsletterTemplates = ["newsletter-confirmation", "newsletter-welcome", "newsletter-library-link", "newsletter-issue"] as const;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<T extends EmailTemplateName> =
  (typeof emailTemplates)[T] extends Template<infer P> ? P : never;
