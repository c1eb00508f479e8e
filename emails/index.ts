import type { ComponentType } from "react";
import ContactAcknowledgementEmail, { type ContactAcknowledgementProps } from "./contact-acknowledgement";
import ContactNotificationEmail, { type ContactNotificationProps } from "./contact-notification";
import SignInLinkEmail, { type SignInLinkProps } from "./sign-in-link";
import BookingCancelledEmail, { type BookingCancelledProps } from "./booking-cancelled";
import BookingConfirmedEmail, { type BookingConfirmedProps } from "./booking-confirmed";
import BookingDeclinedEmail, { type BookingDeclinedProps } from "./booking-declined";
import BookingExpiredEmail, { type BookingExpiredProps } from "./booking-expired";
import BookingHoldEmail, { type BookingHoldProps } from "./booking-hold";
import BookingNotificationEmail, { type BookingNotificationProps } from "./booking-notification";
import BookingRequestedEmail, { type BookingRequestedProps } from "./booking-requested";
import BookingReminderEmail, { type BookingReminderProps } from "./booking-reminder";
import BookingRescheduledEmail, { type BookingRescheduledProps } from "./booking-rescheduled";
import NewsletterConfirmationEmail, { type NewsletterConfirmationProps } from "./newsletter-confirmation";
import NewsletterIssueEmail, { type NewsletterIssueProps } from "./newsletter-issue";
import NewsletterLibraryLinkEmail, { type NewsletterLibraryLinkProps } from "./newsletter-library-link";
import NewsletterSeriesPartEmail, { type NewsletterSeriesPartProps } from "./newsletter-series-part";
import NewsletterWelcomeEmail, { type NewsletterWelcomeProps } from "./newsletter-welcome";
import PracticeReplyEmail, { type PracticeReplyProps } from "./practice-reply";
import WaitlistCodeEmail, { type WaitlistCodeProps } from "./waitlist-code";
import WaitlistJoinedEmail, { type WaitlistJoinedProps } from "./waitlist-joined";
import WaitlistOfferEmail, { type WaitlistOfferProps } from "./waitlist-offer";
import WaitlistStayEmail, { type WaitlistStayProps } from "./waitlist-stay";
import TherapistSummaryEmail, { type TherapistSummaryProps } from "./therapist-summary";
import CalendarFailingEmail, { type CalendarFailingProps } from "./calendar-failing";

type Sender = "visitors" | "notifications" | "newsletter";

type Template<Stored, Shown> = {
  component: ComponentType<Shown>;
  /** Subjects are neutral: nobody glancing at an inbox learns why you wrote. Made when queued, from what is stored. */
  subject: (props: Stored) => string;
  from: Sender;
};

/**
 * `Stored` is what the outbox keeps for the email; the component gets more
 * when the email is rendered (the practice's words, formatted times, private
 * links), made by lib/email from what is stored.
 */
function template<Stored>() {
  return <Shown extends Stored>(definition: Template<Stored, Shown>) => definition;
}

/**
 * Every email the portal sends, by the name stored in the outbox: what it
 * looks like, its subject and who sends it. Only lib/email reads this table;
 * links, secrets and attachments are its business (lib/email/render.ts, with
 * what each capability registers in lib/email/at-send.ts), and the templates
 * themselves import nothing from lib/: what they show comes in as props.
 */
export const emailTemplates = {
  "contact-acknowledgement": template<ContactAcknowledgementProps>()({
    component: ContactAcknowledgementEmail,
    subject: () => "We received your message",
    from: "visitors",
  }),
  "contact-notification": template<ContactNotificationProps>()({
    component: ContactNotificationEmail,
    subject: () => "New message on your website",
    from: "notifications",
  }),
  "sign-in-link": template<SignInLinkProps>()({
    component: SignInLinkEmail,
    subject: () => "Your sign-in link",
    from: "notifications",
  }),
  "calendar-failing": template<CalendarFailingProps>()({
    component: CalendarFailingEmail,
    subject: () => "A calendar could not be read",
    from: "notifications",
  }),
  "booking-hold": template<BookingHoldProps>()({
    component: BookingHoldEmail,
    subject: () => "Please confirm your appointment time",
    from: "visitors",
  }),
  "booking-requested": template<BookingRequestedProps>()({
    component: BookingRequestedEmail,
    subject: () => "We received your appointment request",
    from: "visitors",
  }),
  "booking-confirmed": template<BookingConfirmedProps>()({
    component: BookingConfirmedEmail,
    subject: () => "Your appointment is confirmed",
    from: "visitors",
  }),
  "booking-declined": template<BookingDeclinedProps>()({
    component: BookingDeclinedEmail,
    subject: () => "About your appointment request",
    from: "visitors",
  }),
  "booking-cancelled": template<BookingCancelledProps>()({
    component: BookingCancelledEmail,
    subject: () => "Your appointment has been cancelled",
    from: "visitors",
  }),
  "booking-rescheduled": template<BookingRescheduledProps>()({
    component: BookingRescheduledEmail,
    subject: () => "Your appointment has a new time",
    from: "visitors",
  }),
  "booking-expired": template<BookingExpiredProps>()({
    component: BookingExpiredEmail,
    subject: () => "Your appointment request has lapsed",
    from: "visitors",
  }),
  "booking-reminder": template<BookingReminderProps>()({
    component: BookingReminderEmail,
    subject: () => "A reminder of your upcoming appointment",
    from: "visitors",
  }),
  "booking-notification": template<BookingNotificationProps>()({
    component: BookingNotificationEmail,
    subject: ({ kind }) =>
      ({ requested: "New appointment request", booked: "New appointment booked", cancelled: "An appointment was cancelled", rescheduled: "An appointment was moved" })[kind],
    from: "notifications",
  }),
  "waitlist-code": template<WaitlistCodeProps>()({
    component: WaitlistCodeEmail,
    subject: () => "Please confirm your place on the waitlist",
    from: "visitors",
  }),
  "waitlist-joined": template<WaitlistJoinedProps>()({
    component: WaitlistJoinedEmail,
    subject: () => "You are on the waitlist",
    from: "visitors",
  }),
  "waitlist-offer": template<WaitlistOfferProps>()({
    component: WaitlistOfferEmail,
    subject: () => "A time has become free for you",
    from: "visitors",
  }),
  "waitlist-stay": template<WaitlistStayProps>()({
    component: WaitlistStayEmail,
    subject: () => "Would you like to stay on the waitlist?",
    from: "visitors",
  }),
  "therapist-summary": template<TherapistSummaryProps>()({
    component: TherapistSummaryEmail,
    subject: ({ kind }) => ({ messages: "New messages on your website", appointments: "Changes to your appointments" })[kind],
    from: "notifications",
  }),
  "practice-reply": template<PracticeReplyProps>()({
    component: PracticeReplyEmail,
    subject: () => "A reply to your message",
    from: "visitors",
  }),
  "newsletter-confirmation": template<NewsletterConfirmationProps>()({
    component: NewsletterConfirmationEmail,
    subject: () => "Please confirm your subscription",
    from: "newsletter",
  }),
  "newsletter-welcome": template<NewsletterWelcomeProps>()({
    component: NewsletterWelcomeEmail,
    subject: () => "Welcome: the way into your library",
    from: "newsletter",
  }),
  "newsletter-library-link": template<NewsletterLibraryLinkProps>()({
    component: NewsletterLibraryLinkEmail,
    subject: () => "Your link to the library",
    from: "newsletter",
  }),
  "newsletter-series-part": template<NewsletterSeriesPartProps>()({
    component: NewsletterSeriesPartEmail,
    subject: ({ series, part, parts }) => `${series}, part ${part} of ${parts}`,
    from: "newsletter",
  }),
  "newsletter-issue": template<NewsletterIssueProps>()({
    component: NewsletterIssueEmail,
    // The therapist's own words, written in the private area.
    subject: (props) => props.subject,
    from: "newsletter",
  }),
};

/** Templates that are newsletter mail: sent from the newsletter address, stopped by unsubscribing. */
export const newsletterTemplates = ["newsletter-confirmation", "newsletter-welcome", "newsletter-library-link", "newsletter-issue", "newsletter-series-part"] as const;

export type EmailTemplateName = keyof typeof emailTemplates;
/** What an email is queued with and the outbox stores. */
export type EmailStoredProps<T extends EmailTemplateName> = (typeof emailTemplates)[T] extends Template<infer Stored, infer _Shown> ? Stored : never;
/** What the template's component takes when it renders. */
export type EmailComponentProps<T extends EmailTemplateName> = (typeof emailTemplates)[T] extends Template<infer _Stored, infer Shown> ? Shown : never;

export type { AppointmentLines, BookingEmailProps } from "./components/booking-details";
export type { EmailPractice } from "./components/email-layout";
export type { BookingNotificationProps } from "./booking-notification";
