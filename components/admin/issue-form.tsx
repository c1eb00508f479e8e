"use client";

import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field } from "@/components/ui/field";
import type { FormResult } from "@/lib/forms/form-result";
import { ISSUE_BODY_MAX_LENGTH, newsletterIssueSchema, type NewsletterIssueField } from "@/lib/newsletter/schema";

type IssueFormResult = FormResult<NewsletterIssueField, { issueId: string }>;

type IssueFormProps = {
  action: (state: IssueFormResult, formData: FormData) => Promise<IssueFormResult>;
  /** The draft being edited; without it the form writes a new one. */
  issue?: { id: string; subject: string; body: string };
  submitLabel: string;
};

/** Subject and Markdown body of an issue; the server action saves it and opens the draft. */
export function IssueForm({ action, issue, submitLabel }: IssueFormProps) {
  const form = useServerForm<NewsletterIssueField, { issueId: string }>({ noticeId: "issue-problem", action, schema: newsletterIssueSchema, defaults: issue && { subject: issue.subject, body: issue.body } });
  const { field } = form;
  return (
    <ServerForm form={form} submitLabel={submitLabel} pendingLabel="Saving…">
      {issue ? <input type="hidden" name="id" value={issue.id} /> : null}
      <Field label="Subject" {...field("subject").props}>
        <input type="text" autoComplete="off" maxLength={150} {...field("subject").input} />
      </Field>
      <Field label="The newsletter" hint="Markdown: **bold**, _italic_, [a link](https://example.com), a blank line between paragraphs." {...field("body", { hint: true }).props}>
        <textarea rows={14} maxLength={ISSUE_BODY_MAX_LENGTH} {...field("body", { hint: true }).input} />
      </Field>
    </ServerForm>
  );
}
