import "server-only";
import { headers } from "next/headers";
import { logError } from "@/lib/errors";
import { clientIp } from "@/lib/security/client-ip";
import type { FormRefusal } from "./form-result";
import type { SubmitContext } from "./public-form";

/**
 * What a public form's server action does around its lib call: reads the
 * client's address, turns a failure on our side (the database is down) into
 * the form's "problem on our side" with everything typed kept, and delivers
 * whatever the submission queued once the response has gone.
 */
export async function answerPublicForm<Result extends { status: string }, Field extends string>(
  form: { name: string; ourFault: (input: unknown) => FormRefusal<Field> },
  input: unknown,
  work: (context: SubmitContext) => Promise<Result>,
): Promise<Result | FormRefusal<Field>> {
  let result: Result;
  try {
    result = await work({ ip: clientIp(await headers()) });
  } catch (error) {
    logError(`${form.name}: submission could not be stored`, error);
    return form.ourFault(input);
  }
  return result;
}
