import "server-only";
import { headers } from "next/headers";
import { logError } from "@/lib/errors";
import { clientIp } from "@/lib/security/client-ip";
import type { SubmitContext } from "./public-form";

/**
 * What every public door does around its work when a server action answers
 * a post: reads the client's address (only lib/security knows which header
 * to trust), and turns a failure on our side (the database is down) into the
 * form's "problem on our side" rather than Next's error page. Delivery of
 * whatever the work queued needs nothing here: enqueueEmail arranges it.
 * Reached only through publicForm().handle and tokenForm().handle.
 */
export async function answerRequest<Result, Refused>(
  formName: string,
  run: (context: SubmitContext) => Promise<Result>,
  ourFault: () => Refused,
): Promise<Result | Refused> {
  try {
    return await run({ ip: clientIp(await headers()) });
  } catch (error) {
    logError(`${formName}: submission could not be stored`, error);
    return ourFault();
  }
}
