"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useRef, type FormEvent } from "react";
import { useForm, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";
import type { FormResult, TypedValues } from "@/lib/forms/form-result";
import { useFormAnswer } from "./use-form-answer";

type ServerFormOptions<Field extends string, Saved, Detail> = {
  action: (state: FormResult<Field, Saved, Detail>, formData: FormData) => Promise<FormResult<Field, Saved, Detail>>;
  /** The form's zod schema: the same one its server action parses with. */
  schema: Parameters<typeof zodResolver>[0];
  /** Starting values, where a field has one before anything is typed. */
  defaults?: TypedValues<Field>;
  initialState?: FormResult<Field, Saved, Detail>;
  /** Prefixes ids, so two forms can share a page. */
  idPrefix?: string;
  /** Id of the summary a refusal or a save shows above the form. */
  noticeId?: string;
};

/**
 * The wiring every form shares, public or private: react-hook-form checks
 * with the zod schema as the person types, and only a valid form is posted,
 * through the same server action a plain HTML post reaches with JavaScript
 * off. A refusal from the server comes back as messages per field and the
 * values as typed; `field()` hands each input and its label everything it
 * needs, so a field is one line of markup.
 */
export function useServerForm<Field extends string, Saved = undefined, Detail = never>({
  action,
  schema,
  defaults = {},
  initialState = { status: "idle" },
  idPrefix,
  noticeId = "form-problem",
}: ServerFormOptions<Field, Saved, Detail>) {
  const { state, formAction, pending, serverErrors, ...answer } = useFormAnswer<Field, Saved, Detail>({ action, initialState, noticeId });
  const formRef = useRef<HTMLFormElement>(null);
  const typed: TypedValues<Field> = { ...defaults, ...answer.typed };
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema) as unknown as Resolver<FieldValues>,
    mode: "onTouched",
    defaultValues: typed,
    // react-hook-form focuses the first invalid field in the order fields
    // registered, which is not the page's order (PersonFields registers the
    // email first, a RadioGroup late): see focusFirstInvalid below.
    shouldFocusError: false,
  });

  /** The message beside a field: the browser-side check's first, else the server's. */
  const errorFor = (name: Field) => (form.formState.errors[name]?.message as string | undefined) ?? serverErrors[name]?.join(" ");
  const idOf = (name: string) => (idPrefix ? `${idPrefix}-${name}` : name);

  /**
   * Everything one field needs: `props` for <Field> or <FieldSet> (id, error,
   * whether a hint is shown) and `input` for the control itself (label tie,
   * ARIA, what was typed, react-hook-form's registration). `choice(value)`
   * gives a radio its own, `checkbox` a lone agreement box.
   */
  function field(name: Field, { hint = false }: { hint?: boolean } = {}) {
    const id = idOf(name);
    const error = errorFor(name);
    const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
    const registered = form.register(name);
    const choice = (value: string, choiceId = `${id}-${value}`) => ({
      id: choiceId,
      value,
      defaultChecked: typed[name] === undefined ? undefined : typed[name] === value,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy,
      ...registered,
    });
    return {
      props: { name: id, error },
      input: { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, defaultValue: typed[name], ...registered },
      choice: (value: string) => choice(value),
      /** A lone checkbox (an agreement): it posts "yes" and keeps the field's own id. */
      checkbox: choice("yes", id),
    };
  }

  /** Focus, and so the scroll, goes to the invalid field a reader meets first: the form's own order of controls. */
  function focusFirstInvalid(errors: FieldErrors) {
    const invalid = new Set(Object.keys(errors));
    const controls = Array.from(formRef.current?.elements ?? []) as HTMLInputElement[];
    controls.find((control) => control.type !== "hidden" && invalid.has(control.name))?.focus();
  }

  const formProps = {
    ref: formRef,
    action: formAction,
    noValidate: true,
    onSubmit: (event: FormEvent<HTMLFormElement>) =>
      form.handleSubmit(
        () => {
          startTransition(() => formAction(new FormData(formRef.current!)));
        },
        focusFirstInvalid,
      )(event),
  };

  return { state, pending, typed, field, errorFor, formProps, noticeId, reset: form.reset };
}
