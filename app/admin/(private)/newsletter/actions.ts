"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { announcePost, cancelScheduledSend, composeIssue, editIssue, scheduleSend, sendTest, sendToAll } from "@/lib/admin/newsletter";
import { logError } from "@/lib/errors";
import type { FormResult } from "@/lib/forms/form-result";
import { runBroadcast } from "@/lib/newsletter/broadcast-delivery";
import { isUuid } from "@/lib/newsletter/issues";
import type { NewsletterIssueField } from "@/lib/newsletter/schema";
import type { AnnouncePostField, ScheduleIssueField, SendToAllField } from "@/lib/newsletter/room-schemas";

type IssueFormResult = FormResult<NewsletterIssueField, { issueId: string }>;
type SendToAllResult = FormResult<SendToAllField, { id: string; recipients: number }>;
type ScheduleResult = FormResult<ScheduleIssueField, { id: string }>;
type AnnounceResult = FormResult<AnnouncePostField, { issueId: string }>;

const issuePage = (id: unknown, query = "") => (typeof id === "string" && isUuid(id) ? `/admin/newsletter/${id}${query}` : "/admin/newsletter");

/** A change shows at once on the issue's page; the form says what happened beside itself. */
function refreshedWhenSaved<Result extends FormResult<string, unknown>>(result: Result, formData: FormData): Result {
  if (result.status === "saved") revalidatePath(issuePage(formData.get("id")));
  return result;
}

// A new issue (written, or announcing a post) moves on to its own page (post/redirect/get); a refusal stays on the form with what was typed.
export async function composeIssueAction(_previous: IssueFormResult, formData: FormData): Promise<IssueFormResult> {
  const result = await composeIssue(formData);
  if (result.status === "saved" && result.saved) redirect(issuePage(result.saved.issueId));
  return result;
}

export async function editIssueAction(_previous: IssueFormResult, formData: FormData): Promise<IssueFormResult> {
  return refreshedWhenSaved(await editIssue(formData), formData);
}

export async function announcePostAction(_previous: AnnounceResult, formData: FormData): Promise<AnnounceResult> {
  const result = await announcePost(formData);
  if (result.status === "saved" && result.saved) redirect(issuePage(result.saved.issueId));
  return result;
}

// One-button forms: post/redirect/get, and the page says what happened by a fixed word in its address.
export async function sendTestAction(formData: FormData): Promise<void> {
  const result = await sendTest(formData);
  redirect(issuePage(formData.get("id"), result.status === "saved" ? "?test=sent" : "?problem=test"));
}

export async function cancelScheduleAction(formData: FormData): Promise<void> {
  const result = await cancelScheduledSend(formData);
  redirect(issuePage(formData.get("id"), result.status === "saved" ? "?unscheduled=1" : "?problem=unschedule"));
}

export async function sendToAllAction(_previous: SendToAllResult, formData: FormData): Promise<SendToAllResult> {
  const result = await sendToAll(formData);
  if (result.status === "saved" && result.saved) {
    const { id } = result.saved;
    after(() => runBroadcast(id).catch((error: unknown) => logError("newsletter: broadcast failed; the sweep resumes it", error)));
  }
  return refreshedWhenSaved(result, formData);
}

export async function scheduleIssueAction(_previous: ScheduleResult, formData: FormData): Promise<ScheduleResult> {
  return refreshedWhenSaved(await scheduleSend(formData), formData);
}
