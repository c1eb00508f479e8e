import { describeError } from "@/lib/errors";

/*
 * Next logs an error that escapes a page, action or route whole: message,
 * stack and cause. A database error's message is its query with the
 * parameters, which are what a stranger sent (a form's fields, a link's
 * values). Our own code logs through logError(); this keeps Next's logging
 * to the same rule for whatever still escapes: a database error in the log
 * becomes its class and SQLSTATE, never its text.
 */

type ErrorFields = { name?: unknown; code?: unknown; severity?: unknown; query?: unknown; params?: unknown; cause?: unknown; digest?: unknown };

/** A driver's refusal (postgres-js, PGlite) or drizzle's wrapper of one, anywhere in the cause chain. */
export function isDatabaseError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    const fields = current as ErrorFields;
    if (fields.name === "DrizzleQueryError" || (typeof fields.query === "string" && Array.isArray(fields.params))) return true;
    if (typeof fields.code === "string" && /^[0-9A-Z]{5}$/.test(fields.code) && typeof fields.severity === "string") return true;
    current = fields.cause;
  }
  return false;
}

/** What the log gets in a database error's place: its safe name, and Next's digest so a visitor's error page can still be matched to it. */
export function quietDatabaseError(error: unknown): string {
  const digest = (error as ErrorFields).digest;
  return `database error: ${describeError(error)}${typeof digest === "string" ? ` (digest ${digest})` : ""}; its query and parameters are not logged`;
}

let installed = false;

/** Wraps console.error and console.warn once per process; every other argument passes through unchanged. */
export function quietDatabaseErrorsInLogs() {
  if (installed) return;
  installed = true;
  const quiet = (args: unknown[]) => args.map((arg) => (isDatabaseError(arg) ? quietDatabaseError(arg) : arg));
  const error = console.error.bind(console);
  const warn = console.warn.bind(console);
  console.error = (...args: unknown[]) => error(...quiet(args));
  console.warn = (...args: unknown[]) => warn(...quiet(args));
}
