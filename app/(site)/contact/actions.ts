"use server";

import { sendContactMessage, type ContactFormState } from "@/lib/contact/send-message";

/** Public endpoint: anyone may post here, so everything is checked in lib/contact. */
export async function sendContactMessageAction(_previous: ContactFormState, formData: FormData): Promise<ContactFormState> {
  return sendContactMessage.answer(formData);
}
