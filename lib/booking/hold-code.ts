import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activeBookingStatuses, bookings } from "@/db/schema";
import { enqueueToUnverified } from "@/lib/email/unverified";
import { refusal, type FormRefusal, type FormResult } from "@/lib/forms/form-result";
import { fieldErrorsFrom } from "@/lib/forms/parse-form";
import { publicFormMessages } from "@/lib/forms/public-form";
import { tokenButton, tokenForm } from "@/lib/forms/token-form";
import { mailboxKey } from "@/lib/forms/email-address";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { codeTriesRule, findCodeStep, reissueEmailCode, verifyEmailCode } from "@/lib/security/email-code";
import { type EmailCodeField, emailCodeSchema } from "@/lib/security/email-code-schema";
import { bookingEmailProps } from "./booking-emails";
import { HOLD_CODE_PURPOSE, confirmHeldBooking, markEmailHeldBack } from "./hold";
import { manageToken } from "./manage-link";
import { bookingForm } from "./request-booking";

export type HoldCodeState = FormResult<EmailCodeField>;

/** Where a right code leads: the booking's own page, whose link is hers now that the address is proven. */
export type HoldCodeResult = HoldCodeState | { status: "confirmed"; manageToken: string };

const GONE = "This time is no longer held: it lapsed or was cancelled, so nothing was booked. Please choose a time again.";

/**
 * The code step's form on the page after "Request this time". The step token
 * in its hidden field is the credential (tokenForm checks its shape and the
 * per-network limit of the door); the tries themselves are counted per
 * network and per code in lib/security/email-code.ts.
 */
const holdCodeForm = tokenForm({
  name: "booking-hold-code",
  limits: { perIp: { max: codeTriesRule.max, windowSeconds: codeTriesRule.windowSeconds } },
  refused: (formError): FormRefusal<EmailCodeField> => refusal({ formError }),
  ourFault: (): FormRefusal<EmailCodeField> => refusal({ formError: publicFormMessages.ourFault }),
});

export const confirmHoldByCode = holdCodeForm.handle(async ({ token, now, form, ip }): Promise<HoldCodeResult> => {
  const typed = { code: form.fields.code ?? "" };
  const keep = (problems: { formError?: string; fieldErrors?: Partial<Record<EmailCodeField, string[]>> }): FormRefusal<EmailCodeField> => ({
    ...refusal(problems),
    values: typed,
  });
  const parsed = emailCodeSchema.safeParse(typed);
  if (!parsed.success) return keep(fieldErrorsFrom<EmailCodeField>(parsed.error));
  const db = await getDb();
  return db.transaction(async (tx): Promise<HoldCodeResult> => {
    const verified = await verifyEmailCode(tx, { purpose: HOLD_CODE_PURPOSE, stepToken: token, code: parsed.data.code, now, ip });
    if (verified.status === "refused") {
      return verified.reason === "wrong" ? keep({ fieldErrors: { code: [verified.message] } }) : keep({ formError: verified.reason === "gone" ? GONE : verified.message });
    }
    const [held] = await tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.id, verified.subject), inArray(bookings.status, [...activeBookingStatuses])))
      .for("update");
    const outcome = held ? await confirmHeldBooking(tx, held, now) : "gone";
    if (outcome === "gone") return keep({ formError: GONE });
    return { status: "confirmed", manageToken: manageToken(verified.subject) };
  });
});

const minutesLeft = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

export type NewCodeAnswer = "sent" | "held-back" | "limit" | "too-many" | "gone";

/**
 * "Send a new code" on the same page: the last one expired, was mistyped
 * five times, or never came. The new email counts against the same budgets
 * as the first (lib/email/unverified.ts); held back, the request is marked
 * as the first would have been.
 */
export const newHoldCode = tokenButton("booking-hold-new-code").handle(async ({ token, now, ip }): Promise<{ status: "success"; answer: NewCodeAnswer }> => {
  const db = await getDb();
  const answer = await db.transaction(async (tx): Promise<NewCodeAnswer> => {
    const step = await findCodeStep(tx, HOLD_CODE_PURPOSE, token);
    if (!step) return "gone";
    const [held] = await tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.id, step.subject), inArray(bookings.status, [...activeBookingStatuses])))
      .for("update");
    if (!held?.holdExpiresAt || held.holdExpiresAt <= now) return "gone";
    if (step.newCodesLeft === 0) return "limit";
    // A new code is one more booking email to that mailbox: it shares the form's 5 a day.
    if (!(await hitRateLimit(bookingForm.rules.perAddress(), mailboxKey(held.email), now, tx))) return "too-many";
    const reissued = await reissueEmailCode(tx, { purpose: HOLD_CODE_PURPOSE, stepToken: token, now, ip });
    if (reissued.status === "refused") return reissued.reason;
    const queued = await enqueueToUnverified(
      tx,
      { to: held.email, template: "booking-hold", props: { ...bookingEmailProps(held), holdMinutes: minutesLeft(held.holdExpiresAt, now), codeId: reissued.codeId, codeIssue: reissued.issue } },
      now,
      ip,
    );
    if (queued) return "sent";
    await markEmailHeldBack(tx, held.id, now);
    return "held-back";
  });
  return { status: "success", answer };
});

