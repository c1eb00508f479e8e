"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { sendContactMessage, type ContactFormState } from "@/lib/contact/send-message";
import { contactFields, type ContactField } from "@/lib/contact/schema";
import { kickDispatcher } from "@/lib/email/dispatcher";
import { readSubmittedForm, refused } from "@/lib/forms/parse-form";
import { clientIp } from "@/lib/security/client-ip";

/** Public endpoint: anyone may post here, so everything is checked in lib/contact. */
export async function sendContactMessageAction(_previous: ContactFormState, formData: FormData): Promise<ContactFormState> {
  try {
    const result = await sendContactMessage(formData, { ip: clientIp(await headers()) });
    if (result.status === "success") after(() => kickDispatcher().catch(logDispatchFailure));
    return result;
  } catch (error) {
    // Most likely the database is unreachable. Keep what the visitor typed.
    console.error("contact: message could not be stored:", error instanceof Error ? error.name : "unknown error");
    return refused<ContactField>(readSubmittedForm(formData).fields, contactFields, {
      formError:
        "We could not send your message just now because of a problem on our side. Nothing you typed is lost; please try again in a few minutes, or email the practice directly.",
    });
  }
}

function logDispatchFailure(error: unknown) {
  console.error("outbox: dispatch after contact message failed:", error instanceof Error ? error.message : "unknown error");
}
