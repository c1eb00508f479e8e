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

/** A name safe to log: the SQLSTATE or the error's class, never its message. */
export function errorLabel(error: unknown): string {
  return pgError(error)?.code ?? (error instanceof Error ? error.name : "unknown error");
}
