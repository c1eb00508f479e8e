import "server-only";
import { render } from "@react-email/render";
import { createElement } from "react";
import { emailTemplates, type EmailTemplateName } from "@/emails";

export type RenderedEmail = { html: string; text: string };

function isTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}

/** Renders an outbox row's template with its stored props to HTML and plain text. */
export async function renderEmail(template: string, props: Record<string, unknown>): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new Error(`Unknown email template "${template}"`);
  const { component } = emailTemplates[template];
  const element = createElement(component as React.ComponentType<Record<string, unknown>>, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
