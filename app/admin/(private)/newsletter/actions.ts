"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { announcePost, composeIssue, editIssue, sendTest, sendToAll } from "@/lib/admin/newsletter";
import { dispatchOutbox } from "@/lib/email/dispatcher";
import { runBroadcast } from "@/lib/newsletter/broadcast";
import { isUuid, type IssueFormState } from "@/lib/newsletter/issues";

const issuePage = (id: unknown, query = "") => (typeof id === "string" && isUuid(id) ? `/admin/newsletter/${id}${query}` : "/admin/newsletter");

export async function composeIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const result = await composeIssue(formData);
  if (result.status === "saved") redirect(issuePage(result.issueId));
  return result;
}

export async function editIssueAction(issueId: string, _previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const result = await editIssue(issueId, formData);
  if (result.status === "saved") redirect(issuePage(result.issueId, "?saved=1"));
  return result;
}

export async function announcePostAction(formData: FormData): Promise<void> {
  const result = await announcePost(formData);
  redirect(result.ok ? issuePage(result.value.issueId) : "/admin/newsletter?problem=announce");
}

export async function sendTestAction(formData: FormData): Promise<void> {
  const result = await sendTest(formData);
  if (result.ok) after(() => dispatchOutbox().catch((error: unknown) => console.error("outbox: dispatch after a test issue failed:", error instanceof Error ? error.message : "unknown error")));
  redirect(issuePage(formData.get("id"), result.ok ? "?test=sent" : "?problem=test"));
}

export async function sendToAllAction(formData: FormData): Promise<void> {
  const result = await sendToAll(formData);
  if (result.ok) {
    const { id } = result.value;
    after(() => runBroadcast(id).catch((error: unknown) => console.error("newsletter: broadcast failed; the sweep resumes it:", error instanceof Error ? error.message : "unknown error")));
  }
  redirect(issuePage(formData.get("id"), result.ok ? "" : "?problem=confirm"));
}
