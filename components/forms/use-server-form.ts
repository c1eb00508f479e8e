"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useRef, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import type { FormState } from "@/lib/forms/form-state";

type ServerFormOptions<Field extends string, Values extends FieldValues> = {
  action: (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;
  /** The form's zod schema: the same one its server action parses with. */
  schema: Parameters<typeof zodResolver>[0];
  /** The form's starting values, given what a refused post sent back. */
  defaultValues: (typed: Partial<Record<Field, string>>) => DefaultValues<Values>;
  initialState?: FormState<Field>;
};

/**
 * The wiring every public form shares: react-hook-form checks with the zod
 * schema as the person types, and only a valid form is posted, through the
 * same server action a plain HTML post reaches with JavaScript off. A refusal
 * from the server comes back as messages per field and the values as typed.
 */
export function useServerForm<Field extends string, Values extends FieldValues>({
  action,
  schema,
  defaultValues,
  initialState = { status: "idle" },
}: ServerFormOptions<Field, Values>) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const formRef = useRef<HTMLFormElement>(null);
  const typed: Partial<Record<Field, string>> = state.status === "invalid" ? state.values : {};
  const serverErrors: Partial<Record<Field, string[]>> = state.status === "invalid" ? state.fieldErrors : {};
  const form = useForm<Values>({
    resolver: zodResolver(schema) as unknown as Resolver<Values>,
    mode: "onTouched",
    defaultValues: defaultValues(typed),
  });

  /** The message beside a field: the browser-side check's first, else the server's. */
  const errorFor = (field: Field) =>
    (form.formState.errors[field as string]?.message as string | undefined) ?? serverErrors[field]?.join(" ");

  const formProps = {
    ref: formRef,
    action: formAction,
    noValidate: true,
    onSubmit: (event: FormEvent<HTMLFormElement>) =>
      form.handleSubmit(() => {
        startTransition(() => formAction(new FormData(formRef.current!)));
      })(event),
  };

  return { state, pending, typed, register: form.register, errorFor, formProps };
}
