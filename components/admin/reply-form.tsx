"use client";

import { useEffect } from "react";
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
  /** One-use: posted twice (a reload of the answer without JavaScript), the reply is sent once. */
  formKey: string;
};

/** Her reply, sent from the practice's address; the answer shows beside the form and the thread above it shows the reply. */
export function ReplyForm({ action, id, formKey }: ReplyFormProps) {
  const form = useServerForm<ReplyField, { id: string; replyId: string }>({ action, schema: replySchema, defaults: { id }, idPrefix: "reply", noticeId: "reply-problem" });
  const { field, state, reset } = form;
  // Sent: the box empties for the next reply (without JavaScript the page drawn after the post is already empty).
  useEffect(() => {
    if (state.status === "saved") reset({ id, body: "" });
  }, [state, reset, id]);
  return (
    <ServerForm form={form} formKey={formKey} honeypot={false} submitLabel="Send reply" pendingLabel="Sending…">
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
