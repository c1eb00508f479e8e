"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { announcePost, cancelScheduledSend, composeIssue, editIssue, scheduleProblemWord, scheduleSend, sendTest, sendToAll } from "@/lib/admin/newsletter";
import { logError } from "@/lib/errors";
import type { FormResult } from "@/lib/forms/form-result";
import { runBroadcast } from "@/lib/newsletter/broadcast";
import { isUuid } from "@/lib/newsletter/issues";
import type { NewsletterIssueField } from "@/lib/newsletter/schema";

type IssueFormResult = FormResult<NewsletterIssueField, { issueId: string }>;

const issuePage = (id: unknown, query = "") => (typeof id === "string" && isUuid(id) ? `/admin/newsletter/${id}${query}` : "/admin/newsletter");

// A saved issue moves on to its own page (post/redirect/get); a refusal stays on the form with what was typed.
export async function composeIssueAction(_previous: IssueFormResult, formData: FormData): Promise<IssueFormResult> {
  const result = await composeIssue(formData);
  if (result.status === "saved" && result.saved) redirect(issuePage(result.saved.issueId));
  return result;
}

export async function editIssueAction(_previous: IssueFormResult, formData: FormData): Promise<IssueFormResult> {
  const result = await editIssue(formData);
  if (result.status === "saved" && result.saved) redirect(issuePage(result.saved.issueId, "?saved=1"));
  return result;
}

export async function announcePostAction(formData: FormData): Promise<void> {
  const result = await announcePost(formData);
  redirect(result.status === "saved" && result.saved ? issuePage(result.saved.issueId) : "/admin/newsletter?problem=announce");
}

export async function sendTestAction(formData: FormData): Promise<void> {
  const result = await sendTest(formData);
  redirect(issuePage(formData.get("id"), result.status === "saved" ? "?test=sent" : "?problem=test"));
}

export async function sendToAllAction(formData: FormData): Promise<void> {
  const result = await sendToAll(formData);
  if (result.status === "saved" && result.saved) {
    const { id } = result.saved;
    after(() => runBroadcast(id).catch((error: unknown) => logError("newsletter: broadcast failed; the sweep resumes it", error)));
  }
  redirect(issuePage(formData.get("id"), result.status === "saved" ? "" : "?problem=confirm"));
}

// The page says what happened by a fixed word in its address, never text from the form.
export async function scheduleIssueAction(formData: FormData): Promise<void> {
  const result = await scheduleSend(formData);
  if (result.status === "saved") redirect(issuePage(formData.get("id"), "?scheduled=1"));
  const message = result.status === "invalid" ? (result.fieldErrors.sendAt?.[0] ?? result.formError) : undefined;
  redirect(issuePage(formData.get("id"), `?problem=${scheduleProblemWord(message)}`));
}

export async function cancelScheduleAction(formData: FormData): Promise<void> {
  const result = await cancelScheduledSend(formData);
  redirect(issuePage(formData.get("id"), result.status === "saved" ? "?unscheduled=1" : "?problem=unschedule"));
}
