/*
 * What proxy.ts checks of a post before Next's server-action handler sees
 * it. That handler answers each of these with a bare 500 and an error in the
 * log; here they get a plain 4xx and nothing is logged.
 */

/**
 * An Origin that is not this site's own, by Next's own rule: its host must
 * equal the first X-Forwarded-Host, else the Host (nginx sends both as the
 * browser wrote them). `Origin: null` (a sandboxed frame, a page with
 * no-referrer) is never ours. No Origin at all is a script, not a browser
 * carrying a visitor's cookies, and passes, as it does in Next.
 */
export function isCrossOriginPost(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  if (!originHost) return true;
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  return !host || host !== originHost;
}

/** Next's limit on a server action's arguments (SERVER_ACTION_ARGS_LIMIT); past it the handler throws. */
export const MAX_ACTION_ARGUMENTS = 1000;

/**
 * React's references to another part of a reply: `$@1` (a promise), `$h1`
 * (a server function), `$Q1` (a Map), `$B1` (a Blob), `$1` (a plain model)…,
 * the id in hexadecimal. `$K1` (a FormData, read by prefix) and `$T1` (a
 * client's temporary reference) read no part; `$$…` is an escaped string.
 */
const PART_REFERENCE = /^\$([@hQWiAOoUSsLlGgMmVBRrXx]?)([0-9a-f]+)$/;

/**
 * A server action call as React's client writes it: `root` is the body of a
 * text/plain call or part "0" of a multipart one, a JSON list of arguments;
 * `parts` names the other parts a multipart call carries, whose JSON is
 * checked too. Anything else Next's decoder throws on ("Connection closed."
 * for a reference to a part that never comes) or hands to `action.apply`,
 * which throws: each ends as a 500.
 */
export function isActionArgumentList(root: string, parts: ReadonlyMap<string, string> = new Map()): boolean {
  const values: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(root);
    if (!Array.isArray(parsed) || parsed.length > MAX_ACTION_ARGUMENTS) return false;
    values.push(parsed);
    for (const [name, text] of parts) if (name !== "0" && /^\d+$/.test(name)) values.push(JSON.parse(text));
  } catch {
    return false;
  }
  // Iterative, so a reply nested thousands deep cannot overflow the stack.
  while (values.length > 0) {
    const value = values.pop();
    if (typeof value === "string") {
      const reference = PART_REFERENCE.exec(value);
      if (reference && !parts.has(String(Number.parseInt(reference[2]!, 16)))) return false;
    } else if (value && typeof value === "object") {
      values.push(...Object.values(value));
    }
  }
  return true;
}

/**
 * The shapes React writes for a form's bound action without JavaScript:
 * part 0 names the action (`{"id": …, "bound": …}`), later parts are
 * argument lists and their objects. A `null` or a bare number there Next's
 * decoder reads without checking, and ends in a 500.
 */
export function isFormActionPart(index: number, text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return false;
    if (Array.isArray(value) && value.length > MAX_ACTION_ARGUMENTS) return false;
    return index > 0 || typeof (value as { id?: unknown }).id === "string";
  } catch {
    return false;
  }
}
