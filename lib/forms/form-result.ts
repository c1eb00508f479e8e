/**
 * What every form's server action returns, public or private. The same shape
 * serves the react-hook-form client and a plain HTML post with JavaScript
 * off: a refusal carries every field's messages and the values as typed, so
 * the re-rendered form loses nothing.
 */
export type FieldErrors<Field extends string> = Partial<Record<Field, string[]>>;
export type TypedValues<Field extends string> = Partial<Record<Field, string>>;

export type FormRefusal<Field extends string = string, Detail = never> = {
  status: "invalid";
  fieldErrors: FieldErrors<Field>;
  /** A problem with the whole submission rather than one field. */
  formError?: string;
  values: TypedValues<Field>;
  /** What a form shows beside a refusal, e.g. the nearest free times. */
  detail?: Detail;
};

export type FormResult<Field extends string = string, Saved = undefined, Detail = never> =
  | { status: "idle" }
  | FormRefusal<Field, Detail>
  /**
   * Done: the form gives way to its thank-you, or the action moves on. With
   * `emailHeldBack`, what was sent is kept but the email it would have caused
   * was not sent (lib/email/unverified.ts), and the thank-you must say so.
   */
  | { status: "success"; emailHeldBack?: true }
  /** Saved, and the form stays on the page for the next entry. */
  | { status: "saved"; message: string; saved?: Saved };

export const idleForm = { status: "idle" } as const;

/** A post whose body is no form of ours (a field twice, a file, a stale page): public or private, the same words. */
export const UNREADABLE_FORM = "This form was sent in a way we could not read. Please reload the page and try again.";

export function savedForm<Saved>(message: string, saved?: Saved): { status: "saved"; message: string; saved?: Saved } {
  return { status: "saved", message, saved };
}

/**
 * A refusal with nothing typed to keep yet: the wrapper that called the
 * operation fills in `values` from what was submitted.
 */
export function refusal<Field extends string = string, Detail = never>(
  problems: { formError?: string; fieldErrors?: FieldErrors<Field>; detail?: Detail },
): FormRefusal<Field, Detail> {
  return { status: "invalid", fieldErrors: problems.fieldErrors ?? {}, formError: problems.formError, values: {}, detail: problems.detail };
}

export function isRefusal(result: unknown): result is FormRefusal<string, unknown> {
  return typeof result === "object" && result !== null && (result as { status?: unknown }).status === "invalid";
}
