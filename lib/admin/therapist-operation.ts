import "server-only";
import type { z } from "zod";
import { requireTherapist, type Therapist } from "@/lib/auth/guards";
import type { FieldErrors } from "@/lib/forms/form-state";
import { fieldErrorsFrom, readSubmittedForm } from "@/lib/forms/parse-form";

export type OperationResult<T, Field extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: string; fieldErrors: FieldErrors<Field>; values: Partial<Record<Field, string>> };

/**
 * A private write, built so the order cannot be got wrong: the guard runs
 * first (before the input is even read), then one zod schema parses the
 * submitted fields, then `run` gets the typed input and the therapist. A
 * refusal returns every field's messages and the values as typed.
 */
export function therapistOperation<Schema extends z.ZodType<Record<string, unknown>>, T>(
  schema: Schema,
  run: (input: z.output<Schema>, therapist: Therapist) => Promise<T | OperationRefusal>,
) {
  type Field = keyof z.input<Schema> & string;
  return async (input: FormData | Record<string, unknown>): Promise<OperationResult<T, Field>> => {
    const therapist = await requireTherapist();
    const { fields } = readSubmittedForm(input);
    const values = fields as Partial<Record<Field, string>>;
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      const { fieldErrors, formError } = fieldErrorsFrom<Field>(parsed.error);
      return { ok: false, error: formError ?? "Please check the highlighted answer.", fieldErrors, values };
    }
    const value = await run(parsed.data, therapist);
    if (value instanceof OperationRefusal) return { ok: false, error: value.message, fieldErrors: {}, values };
    return { ok: true, value };
  };
}

/** Returned (not thrown) by an operation that found nothing to act on, e.g. a message already deleted. */
export class OperationRefusal {
  constructor(readonly message: string) {}
}
