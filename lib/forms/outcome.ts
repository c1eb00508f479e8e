import { z } from "zod";

/**
 * What a domain function decided, in one shape for every capability: done,
 * with what the caller needs next, or refused, with a reason for code to
 * branch on (which field a refusal belongs to, whether to offer a second
 * step) and the message the therapist or visitor reads. The caller shows
 * `message` as it is; it never maps a message back to a word.
 */
export type Refused<Reason extends string = string> = { status: "refused"; reason: Reason; message: string };

/**
 * Input the domain's own rules refused (past the form's schema), named by
 * its place ("monday.0", or "form" for the whole): the form shows each
 * message beside the field of that name.
 */
export type RefusedInput = Refused<"invalid"> & { fieldErrors: Record<string, string[]> };

export type Outcome<Done extends object = object, Reason extends string = string> = ({ status: "done" } & Done) | Refused<Reason>;

export function done(): { status: "done" };
export function done<Done extends object>(what: Done): { status: "done" } & Done;
export function done(what: object = {}) {
  return { status: "done", ...what };
}

export function refused<Reason extends string>(reason: Reason, message: string): Refused<Reason> {
  return { status: "refused", reason, message };
}

/** A zod refusal of domain input, or messages already by place, as a RefusedInput. */
export function refusedInput(refusal: z.ZodError | Record<string, string[]>): RefusedInput {
  let fieldErrors: Record<string, string[]> = {};
  if (refusal instanceof z.ZodError) {
    for (const issue of refusal.issues) (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  } else fieldErrors = refusal;
  return { status: "refused", reason: "invalid", message: Object.values(fieldErrors).flat()[0] ?? "", fieldErrors };
}
