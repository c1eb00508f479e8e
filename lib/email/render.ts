import "server-only";
import { render } from "@react-email/render";
import { createElement } from "react";
import { emailTemplates, type EmailAttachment, type EmailTemplateName } from "@/emails";

export type RenderedEmail = { html: string; text: string; attachments: EmailAttachment[] };

function isTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}

/** Renders an outbox row's template with its stored props to HTML, plain text and any attachments. */
export async function renderEmail(template: string, props: Record<string, unknown>): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new Error(`Unknown email template "${template}"`);
  const definition = emailTemplates[template] as unknown as {
    component: React.ComponentType<Record<string, unknown>>;
    attachments?: (props: Record<string, unknown>) => EmailAttachment[];
  };
  const element = createElement(definition.component, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text, attachments: definition.attachments?.(props) ?? [] };
}
