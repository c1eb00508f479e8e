import "server-only";
import type { Transaction } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { deliverAfterResponse } from "./delivery";
import { emailTemplates, type EmailTemplateName, type EmailTemplateProps } from "./templates";

export type QueuedEmail<T extends EmailTemplateName> = {
  to: string;
  template: T;
  props: EmailTemplateProps<T>;
  /** Extra headers for this one email, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** Not sent before this time: a summary waits for its window to close (./therapist-notices.ts). */
  notBefore?: Date;
};

/** Line breaks in a header field would let input add headers of its own. */
export function headerSafe(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

/**
 * Queues an email in the caller's transaction, so the row that causes it and
 * the email commit or roll back together. Delivery starts by itself once the
 * response has gone (./delivery.ts), by which time the transaction has
 * committed; a rolled-back email was never due, so the run finds nothing.
 */
export async function enqueueEmail<T extends EmailTemplateName>(tx: Transaction, email: QueuedEmail<T>) {
  // A subject reads only stored props, never a link made at send time.
  const subject = emailTemplates[email.template].subject as unknown as (props: EmailTemplateProps<T>) => string;
  const [row] = await tx
    .insert(outboxEmails)
    .values({
      recipient: headerSafe(email.to),
      template: email.template,
      subject: headerSafe(subject(email.props)),
      props: email.props as Record<string, unknown>,
      headers: email.headers
        ? Object.fromEntries(Object.entries(email.headers).map(([name, value]) => [headerSafe(name), headerSafe(value)]))
        : null,
      ...(email.notBefore ? { nextAttemptAt: email.notBefore } : {}),
    })
    .returning({ id: outboxEmails.id });
  deliverAfterResponse();
  return row!.id;
}
