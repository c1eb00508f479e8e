import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { IssueForm } from "@/components/admin/issue-form";
import { ScheduleForm, SendToAllForm } from "@/components/admin/issue-send-forms";
import { When } from "@/components/admin/when";
import { issueProgress, newsletterTotals, previewSavedIssue, readIssue } from "@/lib/admin/newsletter";
import { practice } from "@/lib/practice/practice";
import { cancelScheduleAction, editIssueAction, scheduleIssueAction, sendTestAction, sendToAllAction } from "../actions";

export const metadata: Metadata = { title: "Newsletter issue" };

export default async function IssuePage({ params, searchParams }: PageProps<"/admin/newsletter/[id]">) {
  await connection();
  const { id } = await params;
  // Only the one-button forms (a test, cancelling the schedule) answer by a word in the address; the others answer beside themselves.
  const { test, problem, unscheduled } = await searchParams;
  const issue = await readIssue(id);
  const [preview, totals, progress] = await Promise.all([previewSavedIssue(issue.id), newsletterTotals(), issueProgress(issue.id)]);
  const recipients = totals.confirmed;

  return (
    <>
      {issue.status === "sending" ? <meta httpEquiv="refresh" content="3" /> : null}
      <p>
        <Link href="/admin/newsletter">← Newsletter</Link>
      </p>
      <h1>{issue.subject}</h1>
      {test === "sent" ? (
        <p className="notice notice-success" role="status">
          A test is on its way to your address.
        </p>
      ) : null}
      {unscheduled ? (
        <p className="notice notice-success" role="status">
          The schedule is cancelled; the issue is a draft again.
        </p>
      ) : null}
      {problem === "unschedule" ? (
        <p className="notice notice-error" role="alert">
          This issue is not scheduled any more: it may have started sending.
        </p>
      ) : null}
      {problem === "test" ? (
        <p className="notice notice-error" role="alert">
          The test could not be sent. Please try again.
        </p>
      ) : null}

      {issue.status === "draft" ? (
        <>
          <h2>Send</h2>
          <form action={sendTestAction}>
            <input type="hidden" name="id" value={issue.id} />
            <p>
              {issue.testSentAt ? (
                <>
                  Last test sent <When at={issue.testSentAt} />.{" "}
                </>
              ) : null}
              <button type="submit" className="button button-secondary">
                Send me a test
              </button>
            </p>
          </form>
          <SendToAllForm action={sendToAllAction} issueId={issue.id} recipients={recipients} />
          <h3>Send later</h3>
          {issue.scheduledFor ? (
            <form action={cancelScheduleAction}>
              <input type="hidden" name="id" value={issue.id} />
              <p data-testid="schedule" role="status">
                Scheduled for <When at={issue.scheduledFor} /> (your time, {practice.timeZone.replace(/_/g, " ")}), to every confirmed subscriber then. You can still edit it until then.
              </p>
              <p>
                <button type="submit" className="button button-secondary">
                  Cancel the schedule
                </button>
              </p>
            </form>
          ) : (
            <ScheduleForm action={scheduleIssueAction} issueId={issue.id} zone={practice.timeZone.replace(/_/g, " ")} />
          )}
        </>
      ) : (
        <section aria-labelledby="progress-heading">
          <h2 id="progress-heading">{issue.status === "sending" ? "Sending" : "Sent"}</h2>
          <p data-testid="progress" role="status">
            Sent {progress?.sent ?? 0} of {progress?.total ?? 0}
            {progress && progress.failed > 0 ? `; ${progress.failed} failed` : ""}
            {progress && progress.skipped > 0 ? `; ${progress.skipped} skipped (left since)` : ""}.
          </p>
          {progress ? (
            <p data-testid="deliveries">
              Since then, as the receiving servers report it: {progress.delivered} delivered, {progress.bounced} bounced, {progress.complained} marked as spam
              {progress.delayed > 0 ? `, ${progress.delayed} delayed` : ""}.
            </p>
          ) : null}
          {issue.status === "sending" ? (
            <p>
              This page refreshes itself every few seconds. <Link href={`/admin/newsletter/${issue.id}`}>Refresh now</Link>
            </p>
          ) : issue.sentAt ? (
            <p>
              Finished <When at={issue.sentAt} />.
            </p>
          ) : null}
        </section>
      )}

      <h2>As subscribers will see it</h2>
      <iframe className="email-frame" title={`Preview: ${preview.subject}`} srcDoc={preview.html} sandbox="" />

      {issue.status === "draft" ? (
        <>
          <h2>Edit</h2>
          <IssueForm action={editIssueAction} issue={issue} submitLabel="Save changes" />
        </>
      ) : null}
    </>
  );
}
