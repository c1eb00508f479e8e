/**
 * What a domain function decided, in one shape for every capability: done,
 * with what the caller needs next, or refused, with a reason for code to
 * branch on (which field a refusal belongs to, whether to offer a second
 * step) and the message the therapist or visitor reads. The caller shows
 * `message` as it is; it never maps a message back to a word.
 */
export type Refused<Reason extends string = string> = { status: "refused"; reason: Reason; message: string };

export type Outcome<Done extends object = object, Reason extends string = string> = ({ status: "done" } & Done) | Refused<Reason>;

export function done(): { status: "done" };
export function done<Done extends object>(what: Done): { status: "done" } & Done;
export function done(what: object = {}) {
  return { status: "done", ...what };
}

export function refused<Reason extends string>(reason: Reason, message: string): Refused<Reason> {
  return { status: "refused", reason, message };
}
