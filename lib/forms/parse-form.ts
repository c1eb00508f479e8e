import { z } from "zod";
import type { FieldErrors, FormState } from "./form-state";

/** A field no person fills in: it is hidden from sight and from assistive tech. */
export const HONEYPOT_FIELD = "website";
/** One random key per rendered form, so a double submit stores one row. */
export const FORM_KEY_FIELD = "formKey";

export type SubmittedForm = {
  fields: Record<string, string>;
  formKey: string | undefined;
  honeypotFilled: boolean;
  /** Names of fields that were files or repeated: no public form takes either. */
  malformed: string[];
};

/**
 * Splits a submitted form into the person's fields and our own control fields.
 * React adds `$ACTION_…` entries when a server action is posted without
 * JavaScript; they are the framework's, not the person's.
 */
export function readSubmittedForm(input: FormData | Record<string, unknown>): SubmittedForm {
  const entries: [string, unknown][] = input instanceof FormData ? [...input.entries()] : Object.entries(input);
  const fields: Record<string, string> = {};
  const malformed: string[] = [];
  let formKey: string | undefined;
  let honeypotFilled = false;
  for (const [name, value] of entries) {
    if (name.startsWith("$ACTION")) continue;
    if (name === HONEYPOT_FIELD) {
      honeypotFilled ||= typeof value === "string" && value.trim() !== "";
      continue;
    }
    if (name === FORM_KEY_FIELD) {
      formKey = typeof value === "string" ? value : undefined;
      continue;
    }
    if (typeof value === "boolean") {
      if (value) fields[name] = "yes";
      continue;
    }
    if (typeof value !== "string" || Object.hasOwn(fields, name)) {
      malformed.push(name);
      continue;
    }
    fields[name] = value;
  }
  return { fields, formKey, honeypotFilled, malformed };
}

export const formKeySchema = z.uuid();

/** Turns a zod error into every message of every field (not only the first). */
export function fieldErrorsFrom<Field extends string>(error: z.ZodError): {
  fieldErrors: FieldErrors<Field>;
  formError?: string;
} {
  const fieldErrors: Record<string, string[]> = {};
  let formError: string | undefined;
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (issue.code === "unrecognized_keys" || typeof field !== "string") {
      formError = "This form was sent with fields it does not have. Please reload the page and try again.";
      continue;
    }
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { fieldErrors: fieldErrors as FieldErrors<Field>, formError };
}

/** The values to put back into a refused form, limited to its own fields and sizes. */
export function valuesToKeep<Field extends string>(
  fields: Record<string, string>,
  names: readonly Field[],
  maxLength = 10_000,
): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const name of names) {
    const value = fields[name];
    if (typeof value === "string") values[name] = value.slice(0, maxLength);
  }
  return values;
}

export function refused<Field extends string>(
  fields: Record<string, string>,
  names: readonly Field[],
  problems: { fieldErrors?: FieldErrors<Field>; formError?: string },
): FormState<Field> {
  return {
    status: "invalid",
    fieldErrors: problems.fieldErrors ?? {},
    formError: problems.formError,
    values: valuesToKeep(fields, names),
  };
}
