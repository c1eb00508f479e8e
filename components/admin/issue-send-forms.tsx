"use client";

import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Agreement, Field } from "@/components/ui/field";
import type { FormResult } from "@/lib/forms/form-result";
import { scheduleIssueSchema, sendToAllSchema, type ScheduleIssueField, type SendToAllField } from "@/lib/newsletter/room-schemas";

/*
 * The issue page's two send forms with inputs. Each answers beside itself;
 * once one succeeds the page shows the issue sending, or scheduled, in its
 * place.
 */

type SendToAllResult = FormResult<SendToAllField, { id: string; recipients: number }>;

export function SendToAllForm({ action, issueId, recipients }: { action: (state: SendToAllResult, formData: FormData) => Promise<SendToAllResult>; issueId: string; recipients: number }) {
  const form = useServerForm<SendToAllField, { id: string; recipients: number }>({ action, schema: sendToAllSchema, defaults: { id: issueId }, idPrefix: "send", noticeId: "send-notice" });
  return (
    <ServerForm form={form} submitLabel="Send to all subscribers" pendingLabel="Starting…">
      <input type="hidden" name="id" value={issueId} />
      <Agreement field={form.field("confirm")}>
        Send this issue now to all {recipients} confirmed {recipients === 1 ? "subscriber" : "subscribers"}. It cannot be called back.
      </Agreement>
    </ServerForm>
  );
}

type ScheduleResult = FormResult<ScheduleIssueField, { id: string }>;

export function ScheduleForm({ action, issueId, zone }: { action: (state: ScheduleResult, formData: FormData) => Promise<ScheduleResult>; issueId: string; zone: string }) {
  const form = useServerForm<ScheduleIssueField, { id: string }>({ action, schema: scheduleIssueSchema, defaults: { id: issueId }, idPrefix: "schedule", noticeId: "schedule-notice" });
  const sendAt = form.field("sendAt", { hint: true });
  return (
    <ServerForm form={form} submitLabel="Schedule" pendingLabel="Scheduling…" buttonClassName="button button-secondary">
      <input type="hidden" name="id" value={issueId} />
      <Field label="Day and time to send" hint={`In your time zone, ${zone}. It goes to whoever is subscribed at that moment.`} {...sendAt.props}>
        <input type="datetime-local" {...sendAt.input} />
      </Field>
    </ServerForm>
  );
}
