/**
 * What a public form's server action returns. The same shape serves the
 * react-hook-form client and a plain HTML post with JavaScript off: on a
 * refusal it carries every field's messages and the values as typed, so the
 * re-rendered form loses nothing.
 */
export type FieldErrors<Field extends string> = Partial<Record<Field, string[]>>;

export type FormState<Field extends string> =
  | { status: "idle" }
  | {
      status: "invalid";
      fieldErrors: FieldErrors<Field>;
      /** A problem with the whole submission rather than one field. */
      formError?: string;
      values: Partial<Record<Field, string>>;
    }
  | { status: "success" };

export const idleFormState = { status: "idle" } as const;
