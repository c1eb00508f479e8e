"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { checkSubscriberSearch, eraseOneSubscriber } from "@/lib/admin/newsletter";
import { SUBSCRIBER_SEARCH_COOKIE } from "./search-cookie";

export async function eraseSubscriberAction(formData: FormData): Promise<void> {
  const result = await eraseOneSubscriber(formData);
  redirect(result.status === "saved" ? "/admin/subscribers?erased=1" : "/admin/subscribers?problem=erase");
}

/** The search form's POST: the search is remembered for this room only, briefly, and never put in a URL. */
export async function searchSubscribersAction(formData: FormData): Promise<void> {
  const result = await checkSubscriberSearch(formData);
  const jar = await cookies();
  if (result.status === "saved" && result.saved) {
    jar.set(SUBSCRIBER_SEARCH_COOKIE.name, JSON.stringify(result.saved), SUBSCRIBER_SEARCH_COOKIE.options);
  } else {
    jar.delete({ name: SUBSCRIBER_SEARCH_COOKIE.name, path: SUBSCRIBER_SEARCH_COOKIE.options.path });
  }
  redirect("/admin/subscribers");
}
