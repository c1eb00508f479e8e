/** What an availability form shows after a submit: the outcome, each field's messages and what was typed. */
export type EditState =
  | { status: "idle" }
  | { status: "saved"; message: string; url?: string }
  | { status: "invalid"; message: string; fieldErrors: Record<string, string[] | undefined>; values: Record<string, string | undefined> };
