"use server";

import { redirect } from "next/navigation";
import { deleteMessage, setMessageArchived, setMessageHandled } from "@/lib/admin/messages";

// Each action redirects (post/redirect/get), so a plain form post without
// JavaScript and a client-side one end on the same fresh page.

export async function setMessageHandledAction(formData: FormData): Promise<void> {
  const result = await setMessageHandled(formData);
  redirect(result.status === "saved" && result.saved ? `/admin/messages/${result.saved.id}` : "/admin/messages");
}

export async function setMessageArchivedAction(formData: FormData): Promise<void> {
  const result = await setMessageArchived(formData);
  redirect(result.status === "saved" && result.saved ? `/admin/messages/${result.saved.id}` : "/admin/messages");
}

export async function deleteMessageAction(formData: FormData): Promise<void> {
  await deleteMessage(formData);
  redirect("/admin/messages");
}
