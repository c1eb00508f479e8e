"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { dispatchOutbox } from "@/lib/email/dispatcher";
import { readSubmittedForm, refused } from "@/lib/forms/parse-form";
import { requestLibraryLink, type LibraryLinkFormState } from "@/lib/newsletter/library";
import { libraryLinkFields, type LibraryLinkField } from "@/lib/newsletter/schema";
import { clientIp } from "@/lib/security/client-ip";

/** "Email me a new link". Public: lib/newsletter checks everything and answers the same for any address. */
export async function requestLibraryLinkAction(_previous: LibraryLinkFormState, formData: FormData): Promise<LibraryLinkFormState> {
  try {
    const result = await requestLibraryLink(formData, { ip: clientIp(await headers()) });
    if (result.status === "success") after(() => dispatchOutbox().catch(() => console.error("outbox: dispatch after a library link request failed")));
    return result;
  } catch (error) {
    console.error("newsletter: library link request failed:", error instanceof Error ? error.name : "unknown error");
    return refused<LibraryLinkField>(readSubmittedForm(formData).fields, libraryLinkFields, {
      formError: "We could not send a link just now because of a problem on our side. Please try again in a few minutes.",
    });
  }
}
