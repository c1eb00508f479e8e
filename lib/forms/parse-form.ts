import { z } from "zod";
import { FORM_KEY_FIELD, HONEYPOT_FIELD } from "./control-fields";
import type { FieldErrors, FormRefusal, TypedValues } from "./form-result";

export { FORM_KEY_FIELD, HONEYPOT_FIELD };

export type SubmittedForm = {
  fields: Record<string, string>;
  formKey: string | undefined;
  honeypotFilled: boolean;
  /**
   * Names of fields that were files or repeated (no form takes either), or
   * "(body)" when what arrived was no form at all: a server action can be
   * called with any body, e.g. a text/plain `[]`.
   */
  malformed: string[];
};

/**
 * Splits a submitted form into the person's fields and our own control fields.
 * React adds `$ACTION_…` entries when a server action is posted without
 * JavaScript; they are the framework's, not the person's.
 */
export function readSubmittedForm(input: unknown): SubmittedForm {
  const entries = formEntries(input);
  if (!entries) return { fields: {}, formKey: undefined, honeypotFilled: false, malformed: ["(body)"] };
  const fields: Record<string, string> = {};
  const malformed: string[] = [];
  let formKey: string | undefined;
  let honeypotFilled = false;
  for (const [name, value] of entries) {
    if (name.startsWith("$ACTION")) continue;
    if (name === HONEYPOT_FIELD) {
      honeypotFilled ||= typeof value !== "string" || value.trim() !== "";
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

function formEntries(input: unknown): [string, unknown][] | null {
  if (input instanceof FormData) return [...input.entries()];
  if (typeof input === "object" && input !== null && !Array.isArray(input) && Object.getPrototypeOf(input) === Object.prototype) {
    return Object.entries(input);
  }
  return null;
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
    const messages = (fieldErrors[field] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return { fieldErrors: fieldErrors as FieldErrors<Field>, formError };
}

/** The values to put back into a refused form, limited to its own fields and sizes. */
export function valuesToKeep<Field extends string>(
  fields: Record<string, string>,
  names: readonly Field[],
  maxLength = 10_000,
): TypedValues<Field> {
  const values: TypedValues<Field> = {};
  for (const name of names) {
    const value = fields[name];
    if (typeof value === "string") values[name] = value.slice(0, maxLength);
  }
  return values;
}

/** A refusal that keeps what was typed into the form's own fields. */
export function refusalKeeping<Field extends string, Detail = never>(
  fields: Record<string, string>,
  names: readonly Field[],
  problems: { fieldErrors?: FieldErrors<Field>; formError?: string; detail?: Detail },
): FormRefusal<Field, Detail> {
  return {
    status: "invalid",
    fieldErrors: problems.fieldErrors ?? {},
    formError: problems.formError,
    values: valuesToKeep(fields, names),
    ...(problems.detail === undefined ? {} : { detail: problems.detail }),
  };
}
