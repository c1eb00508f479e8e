import "server-only";
import type { EmailPropsAtSend, EmailTemplateName, EmailTemplateProps } from "./templates";
import type { EmailAttachment } from "./transport";

/** What a capability makes for one of its emails each time it is rendered, from the props the outbox stores. */
export type EmailAtSend<T extends EmailTemplateName> = {
  props: (stored: EmailTemplateProps<T>) => EmailPropsAtSend<T>;
  /** Files sent with the email; made each time, so the outbox stores none. */
  attachments?: (stored: EmailTemplateProps<T>) => EmailAttachment[];
};

// On globalThis rather than in this module: Next may load a module once per
// bundle (the instrumentation's and each route's), and what the server
// registered at start must be seen by every route that renders an email.
const globalForEmails = globalThis as typeof globalThis & { __attuneEmailsAtSend?: Map<EmailTemplateName, EmailAtSend<EmailTemplateName>> };
const registry = (globalForEmails.__attuneEmailsAtSend ??= new Map());

/**
 * A capability hands lib/email what its emails need when they are sent (links
 * into it, its formatting, its attachments), so lib/email knows no capability
 * and the capability's own module registers them when it loads.
 */
export function registerEmailAtSend<T extends EmailTemplateName>(template: T, atSend: EmailAtSend<T>): void {
  registry.set(template, atSend as unknown as EmailAtSend<EmailTemplateName>);
}

export function emailAtSend(template: EmailTemplateName): EmailAtSend<EmailTemplateName> | undefined {
  return registry.get(template);
}
