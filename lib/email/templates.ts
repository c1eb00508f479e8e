import "server-only";
import type { EmailComponentProps, EmailStoredProps, EmailTemplateName } from "@/emails";

/**
 * The templates as the rest of lib/ knows them: lib/email is the only way
 * into emails/, so anything else that needs a template's name or props gets
 * them here.
 */
export { emailTemplates, newsletterTemplates, type EmailTemplateName } from "@/emails";
export type { AppointmentLines, BookingEmailProps, BookingNotificationProps, EmailPractice } from "@/emails";

/**
 * What an email is queued with and the outbox stores. Links that open a
 * booking are left out: they are made from the booking id when the email is
 * sent and never written to the database.
 */
export type EmailTemplateProps<T extends EmailTemplateName> = EmailStoredProps<T>;

type RequiredKeys<P> = { [K in keyof P]-?: object extends Pick<P, K> ? never : K }[keyof P];

/**
 * What a template shows beyond what is stored and the practice's name: the
 * formatted appointment, private links, the practice's words for one kind of
 * email. The capability that queues the email makes them, when it is sent
 * (registerEmailAtSend in at-send.ts), from the stored props alone, so rows
 * queued long ago render with today's wording and links.
 */
export type EmailPropsAtSend<T extends EmailTemplateName> = Pick<EmailComponentProps<T>, AtSendKeys<EmailStoredProps<T>, EmailComponentProps<T>>>;

// Props the outbox does not store, and props it may lack (rows queued before they were stored).
type AtSendKeys<Stored, Shown> =
  | Exclude<keyof Shown, keyof Stored | "practice">
  | Exclude<RequiredKeys<Shown> & keyof Stored, RequiredKeys<Stored>>;

type MadeAtSend = { [T in EmailTemplateName]: keyof EmailPropsAtSend<T> extends never ? never : T }[EmailTemplateName];

/** The templates that cannot be rendered until their capability has registered what it makes at send time. */
export const templatesMadeAtSend = [
  "booking-hold",
  "booking-requested",
  "booking-confirmed",
  "booking-declined",
  "booking-cancelled",
  "booking-expired",
  "booking-reminder",
  "booking-rescheduled",
  "waitlist-code",
  "waitlist-joined",
  "waitlist-offer",
  "waitlist-stay",
] as const satisfies readonly MadeAtSend[];

// Fails the type check when a template gains props made at send time and is not listed above.
const _everyTemplateMadeAtSendIsListed: MadeAtSend extends (typeof templatesMadeAtSend)[number] ? true : never = true;
