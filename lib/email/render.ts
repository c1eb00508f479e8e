import "server-only";
import { render } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import { practice } from "@/lib/practice/practice";
import { emailAtSend } from "./at-send";
import { emailTemplates, templatesMadeAtSend, type EmailPractice, type EmailTemplateName } from "./templates";
import type { EmailAttachment } from "./transport";

export type RenderedEmail = { html: string; text: string; attachments: EmailAttachment[] };

type StoredProps = Record<string, unknown>;

/** The practice as every email names it, from content/practice.ts as it is now. */
function emailPractice(): EmailPractice {
  return {
    name: practice.name,
    therapistName: practice.therapist.name,
    contactEmail: practice.contactEmail,
    crisisLines: practice.crisisLines.map((line) => `${line.name}: ${line.how}`).join(" · "),
  };
}

function isTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}

/** Renders an outbox row's template with its stored props to HTML, plain text and any attachments. */
export async function renderEmail(template: string, props: StoredProps): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new Error(`Unknown email template "${template}"`);
  const atSend = emailAtSend(template);
  // Without its links and formatting the email would go out broken; failing the attempt keeps the row for a retry.
  if (!atSend && (templatesMadeAtSend as readonly string[]).includes(template)) {
    throw new Error(`Email template "${template}" has nothing registered to make its props at send time`);
  }
  const component = emailTemplates[template].component as ComponentType<StoredProps>;
  // What is made at send time and the practice come last: a stored prop never stands in for a link.
  const element = createElement(component, { ...props, ...atSend?.props(props as never), practice: emailPractice() });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const attachments = atSend?.attachments?.(props as never) ?? [];
  return { html, text, attachments };
}
