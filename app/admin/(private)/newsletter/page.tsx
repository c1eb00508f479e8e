import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AnnouncePostForm } from "@/components/admin/announce-post-form";
import { IssueForm } from "@/components/admin/issue-form";
import { RecordTable } from "@/components/admin/record-table";
import { When } from "@/components/admin/when";
import { listIssues, postsToAnnounce, seriesByEmail } from "@/lib/admin/newsletter";
import { announcePostAction, composeIssueAction } from "./actions";

export const metadata: Metadata = { title: "Newsletter" };

const statusLabels = { draft: "Draft", sending: "Sending", sent: "Sent" } as const;

export default async function NewsletterPage() {
  await connection();
  const [issues, posts, series] = await Promise.all([listIssues(), postsToAnnounce(), seriesByEmail()]);
  return (
    <>
      <h1>Newsletter</h1>
      <p>
        Write an issue, look at it as the email, send yourself a test, then send it to every confirmed subscriber. No
        opens or clicks are tracked.
      </p>
      <section aria-labelledby="series-heading">
        <h2 id="series-heading">The series by email</h2>
        <p data-testid="series-totals">
          {series.receiving === 1 ? "1 subscriber is" : `${series.receiving} subscribers are`} receiving <em>{series.title}</em>, one part a week
          {series.finished > 0 ? `; ${series.finished} had all ${series.parts} parts` : ""}. Subscribers choose it when they confirm, or from their
          newsletter link.
        </p>
      </section>
      <h2>Write an issue</h2>
      <IssueForm action={composeIssueAction} submitLabel="Save draft" />

      <h2>Announce a post</h2>
      {posts.length === 0 ? <p>No post is published yet.</p> : <AnnouncePostForm action={announcePostAction} posts={posts} />}

      <h2>History</h2>
      {issues.length === 0 ? (
        <p>No issues yet.</p>
      ) : (
        <RecordTable caption="Issues, newest first" columns={["Written", "Subject", "Status", "Recipients", "Sent", "Failed", "Delivered", "Bounced or complained"]}>
          {issues.map((issue) => (
            <tr key={issue.id} data-status={issue.status}>
              <td>
                <When at={issue.createdAt} />
              </td>
              <td>
                <Link href={`/admin/newsletter/${issue.id}`}>{issue.subject}</Link>
              </td>
              <td>
                {statusLabels[issue.status]}
                {issue.status === "draft" && issue.scheduledFor ? (
                  <>
                    , scheduled for <When at={issue.scheduledFor} />
                  </>
                ) : null}
              </td>
              <td>{issue.recipientCount ?? "—"}</td>
              <td>{issue.counts.sent}</td>
              <td>{issue.counts.failed}</td>
              <td>{issue.counts.delivered}</td>
              <td>{issue.counts.bounced + issue.counts.complained}</td>
            </tr>
          ))}
        </RecordTable>
      )}
    </>
  );
}
