import "server-only";
import { hitClientRateLimit } from "@/lib/security/rate-limit";
import { isIssuedToken } from "@/lib/security/issued-token";
import { answerRequest } from "./answer-request";
import { refusal, type FormRefusal } from "./form-result";
import { readSubmittedForm, type SubmittedForm } from "./parse-form";
import { perHour, publicFormMessages, type Limit, type SubmitContext } from "./public-form";

type TokenFormSpec<Refused> = {
  /** Names the form's rate-limit counter: `${name}:ip`. */
  name: string;
  limits: { perIp: Limit };
  /**
   * The answer to a submission refused at the door: too many, automated, a
   * body that is no form, a token we never issued. One answer for every
   * reason a token is not good, so a guess learns nothing.
   */
  refused: (formError: string, reason: TokenRefusalReason) => Refused;
  /** The answer when the work failed on our side (the database is down). */
  ourFault: () => Refused;
};

export type TokenRefusalReason = "too-many" | "automated" | "unknown-token";

/**
 * What a token form's work receives: the token, known to be of the shape we
 * issue, the rest of what was posted, and the client's address for budgets
 * the work counts itself (the tries of an emailed code).
 */
export type TokenSubmission = { token: string; now: Date; form: SubmittedForm; ip: string };

/**
 * The public door for forms whose credential is a token from an email (the
 * manage-booking changes, the hold's confirm, newsletter confirm and
 * unsubscribe, choosing the series, spending a sign-in link): the same
 * per-IP limit and honeypot as every public form, then the token's shape
 * (isIssuedToken) before anything is looked up. There is no per-address
 * limit (the token names nobody until it is looked up) and no form key (a
 * token's work is the same done twice: a confirmed hold stays confirmed).
 * Every refusal here writes nothing but its rate-limit count.
 */
export function tokenForm<Refused>(spec: TokenFormSpec<Refused>) {
  const perIp = { name: `${spec.name}:ip`, ...spec.limits.perIp };

  async function submit<Result>(input: unknown, context: SubmitContext, work: (submission: TokenSubmission) => Promise<Result>): Promise<Result | Refused> {
    const now = context.now ?? new Date();
    const form = readSubmittedForm(input);
    if (!(await hitClientRateLimit(perIp, context.ip, now))) return spec.refused(publicFormMessages.tooMany, "too-many");
    if (form.honeypotFilled) return spec.refused(publicFormMessages.automated, "automated");
    const token = form.fields.token;
    if (form.malformed.length > 0 || !isIssuedToken(token)) return spec.refused(publicFormMessages.unknownToken, "unknown-token");
    return work({ token, now, form, ip: context.ip });
  }

  return {
    ...spec,
    perIp,
    /**
     * The form's work behind its door. The result is called with a context
     * (tests, benchmarks) or answered from a server action with
     * `.answer(formData)`, which reads the client's address and turns a
     * failure on our side into `ourFault`: the action declares nothing else.
     */
    handle<Result>(work: (submission: TokenSubmission) => Promise<Result>) {
      const run = (input: unknown, context: SubmitContext) => submit(input, context, work);
      return Object.assign(run, { answer: (input: unknown) => answerRequest(spec.name, (context) => run(input, context), spec.ourFault) });
    },
  };
}

/** The token a button's form posted, if it is one we could have issued: where its page may be opened again. */
export function postedToken(input: unknown): string | null {
  const token = readSubmittedForm(input).fields.token;
  return isIssuedToken(token) ? token : null;
}

/** A token button's refusal: it has no fields, only the reason, and its page says what it can. */
function buttonRefusal(formError: string): FormRefusal {
  return refusal({ formError });
}

/**
 * A form that is one button on the page an emailed link opens (confirm a
 * held time, a subscription, a sign-in; unsubscribe; choose the series). A
 * person presses it a few times at most; sixty an hour from one network is a
 * script. Its action sends every refusal back to the token's page, which says
 * what the link can still do.
 */
export function tokenButton(name: string) {
  return tokenForm({ name, limits: { perIp: perHour(60) }, refused: buttonRefusal, ourFault: () => buttonRefusal(publicFormMessages.ourFault) });
}
