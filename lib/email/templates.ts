import "server-only";
import type { ConfirmTimeLinkProps, EmailComponentProps, EmailTemplateName, ManageLinkProps } from "@/emails";

/**
 * The templates as the rest of lib/ knows them: lib/email is the only way
 * into emails/, so anything else that needs a template's name or props gets
 * them here.
 */
export { emailTemplates, newsletterTemplates, type EmailTemplateName } from "@/emails";
export type { BookingEmailProps, BookingNotificationProps } from "@/emails";

/**
 * What an email is queued with and the outbox stores. The manage and confirm
 * links are left out: they open a booking, so it is made from the booking id when the email is
 * sent (render.ts) and never written to the database.
 */
export type EmailTemplateProps<T extends EmailTemplateName> = Omit<EmailComponentProps<T>, keyof ManageLinkProps | keyof ConfirmTimeLinkProps>;
