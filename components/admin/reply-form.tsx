"use client";

import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field } from "@/components/ui/field";
import { REPLY_MAX_LENGTH, replySchema, type ReplyField } from "@/lib/admin/reply-schema";
import type { FormResult } from "@/lib/forms/form-result";

type ReplyFormResult = FormResult<ReplyField, { id: string; replyId: string }>;

type ReplyFormProps = {
  action: (state: ReplyFormResult, formData: FormData) => Promise<ReplyFormResult>;
  /** The message's or request's id. */
  id: string;
};

/** Her reply, sent from the practice's address; the action returns to the page, where the thread shows it. */
export function ReplyForm({ action, id }: ReplyFormProps) {
  const form = useServerForm<ReplyField, { id: string; replyId: string }>({ action, schema: replySchema, defaults: { id }, idPrefix: "reply", noticeId: "reply-problem" });
  const { field } = form;
  return (
    <ServerForm form={form} submitLabel="Send reply" pendingLabel="Sending…">
      <input type="hidden" name="id" value={id} />
      <Field
        label="Your reply"
        hint="Sent by email from the practice's address. Their message is not quoted in it; write what you want them to read."
        {...field("body", { hint: true }).props}
      >
        <textarea rows={8} maxLength={REPLY_MAX_LENGTH} {...field("body", { hint: true }).input} />
      </Field>
    </ServerForm>
  );
}
