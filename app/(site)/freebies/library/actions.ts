"use server";

import { requestLibraryLink, type LibraryLinkFormState } from "@/lib/newsletter/library";

/** "Email me a new link". Public: lib/newsletter checks everything and answers the same for any address. */
export async function requestLibraryLinkAction(_previous: LibraryLinkFormState, formData: FormData): Promise<LibraryLinkFormState> {
  return requestLibraryLink.answer(formData);
}
