"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { FormNotice } from "@/components/forms/form-notice";
import { Field, fieldA11y } from "@/components/ui/field";
import type { IssueFormState } from "@/lib/newsletter/issues";
import { ISSUE_BODY_MAX_LENGTH, newsletterIssueSchema, type NewsletterIssueInput } from "@/lib/newsletter/schema";

type IssueFormProps = {
  action: (state: IssueFormState, formData: FormData) => Promise<IssueFormState>;
  initial?: { subject: string; body: string };
  submitLabel: string;
};

/** Subject and Markdown body of an issue; the server action saves it and opens the draft. */
export function IssueForm({ action, initial, submitLabel }: IssueFormProps) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const typed = state.status === "invalid" ? state.values : (initial ?? {});
  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<NewsletterIssueInput>({
    resolver: zodResolver(newsletterIssueSchema),
    mode: "onTouched",
    defaultValues: { subject: typed.subject ?? "", body: typed.body ?? "" },
  });
  const subjectError = errors.subject?.message ?? serverErrors.subject?.join(" ");
  const bodyError = errors.body?.message ?? serverErrors.body?.join(" ");

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(event) =>
        handleSubmit(() => {
          startTransition(() => formAction(new FormData(formRef.current!)));
        })(event)
      }
      noValidate
      className="form"
      aria-describedby={state.status === "invalid" ? "issue-problem" : undefined}
    >
      {state.status === "invalid" ? <FormNotice id="issue-problem" state={state} /> : null}
      <Field name="subject" label="Subject" error={subjectError}>
        <input type="text" autoComplete="off" maxLength={150} defaultValue={typed.subject} {...fieldA11y("subject", { error: subjectError })} {...register("subject")} />
      </Field>
      <Field name="body" label="The newsletter" hint="Markdown: **bold**, _italic_, [a link](https://example.com), a blank line between paragraphs." error={bodyError}>
        <textarea rows={14} maxLength={ISSUE_BODY_MAX_LENGTH} defaultValue={typed.body} {...fieldA11y("body", { error: bodyError, hint: true })} {...register("body")} />
      </Field>
      <div>
        <button type="submit" className="button" aria-disabled={pending} disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
