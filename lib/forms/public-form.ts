import "server-only";
import type { z } from "zod";
import { hitClientRateLimit, hitRateLimit } from "@/lib/security/rate-limit";
import { answerRequest } from "./answer-request";
import { mailboxKey } from "./email-address";
import { formKeyHash } from "./form-key";
import { UNREADABLE_FORM, type FormRefusal } from "./form-result";
import { fieldErrorsFrom, formKeySchema, readSubmittedForm, refusalKeeping } from "./parse-form";

/** The one set of answers every public form gives when it refuses a whole submission. */
export const publicFormMessages = {
  tooMany:
    "We have received several of these from you in a short time, so this one was not sent. Please wait an hour and try again, or email or call the practice directly.",
  automated: "This looks automated, so it was not sent. Please leave the hidden “website” field empty.",
  unreadable: UNREADABLE_FORM,
  expired: "This form has expired. Please reload the page and send it again.",
  unknownToken: "This link is not one we sent, or it has been used. Please open the newest link in your email.",
  ourFault:
    "We could not send this just now because of a problem on our side. Nothing you typed is lost; please try again in a few minutes, or email the practice directly.",
} as const;

export type Limit = { max: number; windowSeconds: number };

/** `max` submissions an hour: the window every public form counts in. */
export const perHour = (max: number): Limit => ({ max, windowSeconds: 60 * 60 });

type FormLimits = { perIp: Limit; perAddress: Limit | (() => Limit) };

type PublicFormSpec<Schema extends z.ZodType<Record<string, unknown>>, Field extends string, Limits extends FormLimits> = {
  /** Names the form's rate-limit counters: `${name}:ip` and `${name}:address`. */
  name: string;
  /** The form's one zod schema: the browser checks with it too. */
  schema: Schema;
  /** The fields a refusal gives back as typed. */
  fields: readonly Field[];
  /** A limit may be a function, read at each submission, when the deployment sets it (the sign-in cooldown). */
  limits: Limits;
  /** The answer past the per-address limit, when the hourly wording does not fit (a one-minute cooldown). */
  tooManyForAddress?: string;
  /** Which parsed value the per-address limit counts; its `email` unless said otherwise. */
  address?: (input: z.output<Schema>) => string;
};

/** What a form's own work receives once every check of the pipeline has passed. */
export type Submission<Field extends string> = {
  now: Date;
  /**
   * The sha256 of the rendered form's key (lib/forms/form-key.ts): the same
   * key twice is a resubmission of one form. Only the hash reaches the work,
   * so no form can store the key itself.
   */
  formKeyHash: string;
  /** The client's address: budgets shared by the whole practice are counted per network (lib/email/unverified.ts). */
  ip: string;
  /** A refusal that keeps what was typed, for the checks only the domain can make. */
  refuse: <Detail = never>(problems: { formError?: string; fieldErrors?: Partial<Record<Field, string[]>>; detail?: Detail }) => FormRefusal<Field, Detail>;
};

export type SubmitContext = { ip: string; now?: Date };

/**
 * One public form: the door every visitor's submission comes through, in an
 * order that cannot be got wrong. The per-IP limit counts first, on the
 * client's network and its group (lib/security/client-network.ts), so a flood
 * costs one upsert a post), then the honeypot, a body that is no form, the
 * form key, the schema with every field's message, and the per-address
 * limit, counted on the mailbox so `+tag` variants share it. Only then does
 * the form's own work run. Every refusal here writes nothing but its
 * rate-limit count.
 */
export function publicForm<Schema extends z.ZodType<Record<string, unknown>>, Field extends string, Limits extends FormLimits>(spec: PublicFormSpec<Schema, Field, Limits>) {
  const rules = {
    perIp: { name: `${spec.name}:ip`, ...spec.limits.perIp },
    perAddress: () => {
      const limit: Limit | (() => Limit) = spec.limits.perAddress;
      return { name: `${spec.name}:address`, ...(typeof limit === "function" ? limit() : limit) };
    },
  };
  const addressOf = spec.address ?? ((input: z.output<Schema>) => String((input as { email?: unknown }).email ?? ""));

  /** The answer when the form's work failed on our side (the database is down): what was typed is kept. */
  function ourFault(input: unknown): FormRefusal<Field> {
    return refusalKeeping(readSubmittedForm(input).fields, spec.fields, { formError: publicFormMessages.ourFault });
  }

  async function submit<Result>(
    input: unknown,
    context: SubmitContext,
    work: (value: z.output<Schema>, submission: Submission<Field>) => Promise<Result>,
  ): Promise<Result | FormRefusal<Field>> {
    const now = context.now ?? new Date();
    const form = readSubmittedForm(input);
    const refuse: Submission<Field>["refuse"] = (problems) => refusalKeeping(form.fields, spec.fields, problems);

    if (!(await hitClientRateLimit(rules.perIp, context.ip, now))) return refuse({ formError: publicFormMessages.tooMany });
    if (form.honeypotFilled) return refuse({ formError: publicFormMessages.automated });
    if (form.malformed.length > 0) return refuse({ formError: publicFormMessages.unreadable });
    const formKey = formKeySchema.safeParse(form.formKey);
    if (!formKey.success) return refuse({ formError: publicFormMessages.expired });
    const parsed = spec.schema.safeParse(form.fields);
    if (!parsed.success) return refuse(fieldErrorsFrom<Field>(parsed.error));
    if (!(await hitRateLimit(rules.perAddress(), mailboxKey(addressOf(parsed.data)), now))) {
      return refuse({ formError: spec.tooManyForAddress ?? publicFormMessages.tooMany });
    }
    return work(parsed.data, { now, ip: context.ip, formKeyHash: formKeyHash(formKey.data), refuse });
  }

  return {
    ...spec,
    rules,
    ourFault,
    submit,
    /**
     * The form's work behind its door. The result is called with a context
     * (tests, benchmarks) or answered from a server action with
     * `.answer(formData)`, which reads the client's address and turns a
     * failure on our side into the "problem on our side" refusal with what was
     * typed: the action declares nothing else, so it cannot skip half of it.
     */
    handle<Result>(work: (value: z.output<Schema>, submission: Submission<Field>) => Promise<Result>) {
      const run = (input: unknown, context: SubmitContext) => submit(input, context, work);
      return Object.assign(run, { answer: (input: unknown) => answerRequest(spec.name, (context) => run(input, context), () => ourFault(input)) });
    },
  };
}
