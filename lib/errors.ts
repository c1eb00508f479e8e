/**
 * PostgreSQL's refusals, read the same way from postgres-js and PGlite.
 * Drizzle wraps the driver's error in its own (with the query and its
 * parameters in the message, so never log it whole); the SQLSTATE is on the
 * cause.
 */
type PgErrorFields = { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };

function pgError(error: unknown): { code: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    const fields = current as PgErrorFields;
    if (typeof fields.code === "string" && /^[0-9A-Z]{5}$/.test(fields.code)) {
      const constraint = typeof fields.constraint_name === "string" ? fields.constraint_name : typeof fields.constraint === "string" ? fields.constraint : undefined;
      return { code: fields.code, constraint };
    }
    current = fields.cause;
  }
  return undefined;
}

/** SQLSTATE 23P01: an exclusion constraint (here: two bookings at once) refused the write. */
export function isExclusionViolation(error: unknown): boolean {
  return pgError(error)?.code === "23P01";
}

/** SQLSTATE 23505 on the named unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const found = pgError(error);
  return found?.code === "23505" && (found.constraint === undefined || found.constraint === constraint);
}

/**
 * A name safe to log: the error's class and, for a database refusal, its
 * SQLSTATE. Never the message: a database error's message carries the
 * query's parameters, which are what a visitor typed.
 */
export function describeError(error: unknown): string {
  const name = error instanceof Error ? error.name : "unknown error";
  const code = pgError(error)?.code ?? systemCode(error);
  return code ? `${name} (${code})` : name;
}

/** Node's own codes (ECONNREFUSED, ETIMEDOUT…) are safe to log and say what went wrong. */
function systemCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]{2,30}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The one way an error is logged: what failed, in our words, and describeError's safe name. */
export function logError(what: string, error: unknown): void {
  console.error(`${what}: ${describeError(error)}`);
}
