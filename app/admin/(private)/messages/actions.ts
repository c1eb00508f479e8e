"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ReplyField } from "@/lib/admin/reply-schema";
import { replyToMessage } from "@/lib/admin/replies";
import type { FormResult } from "@/lib/forms/form-result";
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

type ReplyFormResult = FormResult<ReplyField, { id: string; replyId: string }>;

// The answer stays beside the form, and the page is refreshed so the thread shows the reply; a refusal keeps what she wrote.
export async function replyToMessageAction(_previous: ReplyFormResult, formData: FormData): Promise<ReplyFormResult> {
  const result = await replyToMessage(formData);
  if (result.status === "saved" && result.saved) revalidatePath(`/admin/messages/${result.saved.id}`);
  return result;
}
