"use client";

import { useActionState } from "react";
import type { FieldErrors, FormResult, TypedValues } from "@/lib/forms/form-result";

type FormAnswerOptions<Field extends string, Saved, Detail> = {
  action: (state: FormResult<Field, Saved, Detail>, formData: FormData) => Promise<FormResult<Field, Saved, Detail>>;
  initialState?: FormResult<Field, Saved, Detail>;
  /** Id of the summary an answer shows above the form. */
  noticeId: string;
};

/**
 * The door every form's answer comes back through, with JavaScript or
 * without: the server action's FormResult, the values as typed and each
 * field's messages. Without JavaScript the browser posts to this page's
 * address plus the summary's id (the permalink), so the page drawn after the
 * post opens at the answer. useServerForm adds react-hook-form's checks as
 * the person types on top of this; a form that must ship almost no script
 * (the signup under a post and in the footer) uses it alone and lets the
 * browser's own validation check first.
 */
export function useFormAnswer<Field extends string, Saved = undefined, Detail = never>({
  action,
  initialState = { status: "idle" },
  noticeId,
}: FormAnswerOptions<Field, Saved, Detail>) {
  const [state, formAction, pending] = useActionState(action, initialState, `#${noticeId}`);
  const typed: TypedValues<Field> = state.status === "invalid" ? state.values : {};
  const serverErrors: FieldErrors<Field> = state.status === "invalid" ? state.fieldErrors : {};
  return { state, formAction, pending, typed, serverErrors, noticeId };
}
