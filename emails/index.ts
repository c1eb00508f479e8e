import type { ComponentType } from "react";
import ContactAcknowledgementEmail from "./contact-acknowledgement";
import ContactNotificationEmail from "./contact-notification";
import SignInLinkEmail from "./sign-in-link";
import BookingCancelledEmail from "./booking-cancelled";
import BookingConfirmedEmail from "./booking-confirmed";
import BookingDeclinedEmail from "./booking-declined";
import BookingExpiredEmail from "./booking-expired";
import BookingHoldEmail from "./booking-hold";
import BookingNotificationEmail from "./booking-notification";
import BookingRequestedEmail from "./booking-requested";
import BookingReminderEmail from "./booking-reminder";
import BookingRescheduledEmail from "./booking-rescheduled";
import NewsletterConfirmationEmail from "./newsletter-confirmation";
import NewsletterIssueEmail from "./newsletter-issue";
import NewsletterLibraryLinkEmail from "./newsletter-library-link";
import NewsletterSeriesPartEmail from "./newsletter-series-part";
import NewsletterWelcomeEmail from "./newsletter-welcome";
import PracticeReplyEmail from "./practice-reply";

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

/**
 * Every email the portal sends, by the name stored in the outbox: what it
 * looks like, its subject and who sends it. Only lib/email reads this table;
 * links, secrets and attachments are its business (lib/email/render.ts).
 */
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
  "booking-hold": template({
    component: BookingHoldEmail,
    subject: () => "Please confirm your appointment time",
    from: "visitors",
  }),
  "booking-requested": template({
    component: BookingRequestedEmail,
    subject: () => "We received your appointment request",
    from: "visitors",
  }),
  "booking-confirmed": template({
    component: BookingConfirmedEmail,
    subject: () => "Your appointment is confirmed",
    from: "visitors",
  }),
  "booking-declined": template({
    component: BookingDeclinedEmail,
    subject: () => "About your appointment request",
    from: "visitors",
  }),
  "booking-cancelled": template({
    component: BookingCancelledEmail,
    subject: () => "Your appointment has been cancelled",
    from: "visitors",
  }),
  "booking-rescheduled": template({
    component: BookingRescheduledEmail,
    subject: () => "Your appointment has a new time",
    from: "visitors",
  }),
  "booking-expired": template({
    component: BookingExpiredEmail,
    subject: () => "Your appointment request has lapsed",
    from: "visitors",
  }),
  "booking-reminder": template({
    component: BookingReminderEmail,
    subject: () => "A reminder of your upcoming appointment",
    from: "visitors",
  }),
  "booking-notification": template({
    component: BookingNotificationEmail,
    subject: ({ kind }) =>
      ({ requested: "New appointment request", booked: "New appointment booked", cancelled: "An appointment was cancelled", rescheduled: "An appointment was moved" })[kind],
    from: "notifications",
  }),
  "practice-reply": template({
    component: PracticeReplyEmail,
    subject: () => "A reply to your message",
    from: "visitors",
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
  "newsletter-series-part": template({
    component: NewsletterSeriesPartEmail,
    subject: ({ series, part, parts }) => `${series}, part ${part} of ${parts}`,
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
export const newsletterTemplates = ["newsletter-confirmation", "newsletter-welcome", "newsletter-library-link", "newsletter-issue", "newsletter-series-part"] as const;

export type EmailTemplateName = keyof typeof emailTemplates;
/** What the template's component takes when it renders. */
export type EmailComponentProps<T extends EmailTemplateName> =
  (typeof emailTemplates)[T] extends Template<infer P> ? P : never;

export type { BookingEmailProps, ManageLinkProps } from "./components/booking-details";
export type { ConfirmTimeLinkProps } from "./booking-hold";
export type { BookingNotificationProps } from "./booking-notification";
