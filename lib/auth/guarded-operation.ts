import "server-only";
import type { z } from "zod";
import { getDb, type Database, type Transaction } from "@/db/client";
import { recordAuditEvent, type AuditEntry } from "@/lib/audit/record";
import { UNREADABLE_FORM, isRefusal, savedForm, type FormRefusal, type FormResult } from "@/lib/forms/form-result";
import { formKeyHash } from "@/lib/forms/form-key";
import { fieldErrorsFrom, formKeySchema, readSubmittedForm, valuesToKeep } from "@/lib/forms/parse-form";
import { requireHalfSignedIn, requireTherapist, type Therapist } from "./guards";

/** Writes an audit entry as the signed-in therapist, in `tx` when the change has one, so both commit together. */
export type AuditWriter = (entry: Omit<AuditEntry, "actor">, tx?: Database | Transaction) => Promise<void>;

/** What every guarded function receives once the guard has let the therapist in. */
export type TherapistContext = { therapist: Therapist; audit: AuditWriter };

async function enter(gate: () => Promise<Therapist> = requireTherapist): Promise<TherapistContext> {
  const therapist = await gate();
  const audit: AuditWriter = async (entry, tx) => recordAuditEvent(tx ?? (await getDb()), { ...entry, actor: therapist.email });
  return { therapist, audit };
}

/**
 * The one door to the private area for reads: the guard runs before `read`
 * is even called, and `read` gets the therapist and an audit writer. Every
 * private page reads through a function made here.
 */
export function guardedRead<Args extends unknown[], T>(read: (context: TherapistContext, ...args: Args) => Promise<T>) {
  return async (...args: Args): Promise<T> => read(await enter(), ...args);
}

/**
 * What a guarded write's work receives: the therapist's context and, when the
 * form carried one, the hash of its one-use key (a form whose answer stays on
 * the page, so a reload of it without JavaScript posts it again).
 */
export type OperationContext = TherapistContext & { formKeyHash?: string };

/** What a guarded write's own work returns: a saved outcome, or a refusal of the whole submission. */
export type OperationOutcome<Saved> = { status: "saved"; message: string; saved?: Saved } | FormRefusal<string, never>;

export { refusal, savedForm as saved } from "@/lib/forms/form-result";

/** A write behind `gate`: see guardedOperation. */
function operationBehind(gate: () => Promise<Therapist>) {
  return function operation<Schema extends z.ZodType<Record<string, unknown>>, Saved = undefined>(
    schema: Schema,
    work: (input: z.output<Schema>, context: OperationContext) => Promise<OperationOutcome<Saved>>,
  ) {
    type Field = keyof z.input<Schema> & string;
    return async (input: unknown): Promise<FormResult<Field, Saved>> => {
      const context = await enter(gate);
      const { fields, formKey, malformed } = readSubmittedForm(input);
      const names = Object.keys(fields) as Field[];
      if (malformed.length > 0) {
        return { status: "invalid", fieldErrors: {}, formError: UNREADABLE_FORM, values: valuesToKeep(fields, names) };
      }
      const parsed = schema.safeParse(fields);
      if (!parsed.success) {
        const { fieldErrors, formError } = fieldErrorsFrom<Field>(parsed.error);
        return { status: "invalid", fieldErrors, formError: formError ?? "Please check the highlighted answer.", values: valuesToKeep(fields, names) };
      }
      const key = formKeySchema.safeParse(formKey);
      const outcome = await work(parsed.data, key.success ? { ...context, formKeyHash: formKeyHash(key.data) } : context);
      if (isRefusal(outcome)) return { ...outcome, fieldErrors: outcome.fieldErrors as FormRefusal<Field>["fieldErrors"], values: valuesToKeep(fields, names) };
      return savedForm(outcome.message, outcome.saved);
    };
  };
}

/**
 * The one door to the private area for writes, built so the order cannot be
 * got wrong: the guard runs first (before the input is even read), then the
 * form's zod schema parses the submitted fields, then `work` gets the typed
 * input and the context. A refusal keeps every field's messages and the
 * values as typed; the result is the same FormResult every form shows.
 */
export const guardedOperation = operationBehind(requireTherapist);

/**
 * The same door for the one kind of write a half-signed-in session may make:
 * finishing its sign-in with a recovery code (lib/auth/second-factor.ts).
 */
export const halfSignedInOperation = operationBehind(requireHalfSignedIn);
