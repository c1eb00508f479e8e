import "server-only";
import { render } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import { bookAgainUrl } from "@/lib/booking/booking-emails";
import { visitorBookingAttachment } from "@/lib/booking/calendar";
import { confirmTimeUrl, manageBookingUrl } from "@/lib/booking/manage-link";
import { emailTemplates, type BookingEmailProps, type EmailTemplateName, type EmailTemplateProps } from "./templates";
import type { EmailAttachment } from "./transport";

export type RenderedEmail = { html: string; text: string; attachments: EmailAttachment[] };

type StoredProps = Record<string, unknown>;
type AtSend = { [T in EmailTemplateName]?: (props: EmailTemplateProps<T>) => StoredProps };

const withManageLink = (props: BookingEmailProps) => ({ ...props, manageUrl: manageBookingUrl(props.bookingId) });
// Rows queued before the link was stored with the email.
const withBookAgainLink = (props: BookingEmailProps & { bookUrl?: string }) => ({ ...props, bookUrl: props.bookUrl ?? bookAgainUrl() });

/** Props a template needs beyond what the outbox row stores, made as it is rendered. */
const propsAtSend: AtSend = {
  "booking-hold": (props) => ({ ...props, confirmTimeUrl: confirmTimeUrl(props.bookingId) }),
  "booking-requested": withManageLink,
  "booking-confirmed": withManageLink,
  "booking-reminder": withManageLink,
  "booking-rescheduled": withManageLink,
  "booking-cancelled": withBookAgainLink,
  "booking-expired": withBookAgainLink,
};

const confirmedAppointment = (props: BookingEmailProps & { sequence: number }) =>
  visitorBookingAttachment({ ...props, startsAt: new Date(props.startsAt), endsAt: new Date(props.endsAt), status: "confirmed" });

/** Files sent with an email, made from its stored props each time it is sent. */
const attachmentsAtSend: { [T in EmailTemplateName]?: (props: EmailTemplateProps<T>) => EmailAttachment[] } = {
  "booking-confirmed": (props) => [confirmedAppointment(props)],
  "booking-rescheduled": (props) => (props.status === "confirmed" ? [confirmedAppointment(props)] : []),
};

function isTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}

/** Renders an outbox row's template with its stored props to HTML, plain text and any attachments. */
export async function renderEmail(template: string, props: StoredProps): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new Error(`Unknown email template "${template}"`);
  const component = emailTemplates[template].component as ComponentType<StoredProps>;
  const complete = (propsAtSend[template] as ((props: StoredProps) => StoredProps) | undefined)?.(props) ?? props;
  const element = createElement(component, complete);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const attachments = (attachmentsAtSend[template] as ((props: StoredProps) => EmailAttachment[]) | undefined)?.(props) ?? [];
  return { html, text, attachments };
}
