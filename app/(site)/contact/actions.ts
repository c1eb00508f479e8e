"use server";

import { contactForm, sendContactMessage, type ContactFormState } from "@/lib/contact/send-message";
import { answerPublicForm } from "@/lib/forms/public-action";

/** Public endpoint: anyone may post here, so everything is checked in lib/contact. */
export async function sendContactMessageAction(_previous: ContactFormState, formData: FormData): Promise<ContactFormState> {
  return answerPublicForm(contactForm, formData, (context) => sendContactMessage(formData, context));
}
