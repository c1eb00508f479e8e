import "server-only";
import { eq } from "drizzle-orm";
import { type Transaction, getDb } from "@/db/client";
import { type WaitlistEntry, waitlistEntries } from "@/db/schema";
import { formatDay } from "@/lib/booking/format";
import { findSessionType, formatLabels } from "@/lib/booking/session-types";
import { refusal, type FormRefusal, type FormResult } from "@/lib/forms/form-result";
import { fieldErrorsFrom } from "@/lib/forms/parse-form";
import { publicFormMessages } from "@/lib/forms/public-form";
import { tokenButton, tokenForm } from "@/lib/forms/token-form";
import { locationName } from "@/lib/practice/us-states";
import { codeTriesRule, findCodeStep, verifyEmailCode, type OpenCodeStep } from "@/lib/security/email-code";
import { type EmailCodeField, emailCodeSchema } from "@/lib/security/email-code-schema";
import { isIssuedToken } from "@/lib/security/issued-token";
import { DAY } from "@/lib/time";
import { STAY_ASKED_DAYS_BEFORE, WAITLIST_CODE_PURPOSE, WAITLIST_DAYS, takePlace } from "./join";
import { placeToken, placeTokenHash } from "./links";
import { withdrawOpenOffer } from "./offers";
import { daysOf, partsOf } from "./wishes";

/** What her own pages may show of her place: her wishes and its state, nothing else she typed. */
export type PlaceView = {
  status: WaitlistEntry["status"];
  sessionName: string;
  format: string;
  where: string;
  days: string[];
  parts: string[];
  from: string;
  until: string | null;
  lastsUntil: string;
  /** Within the last week: she may press "Stay on the waitlist". */
  mayStay: boolean;
};

export function placeView(entry: WaitlistEntry, now: Date): PlaceView {
  return {
    status: entry.status,
    sessionName: findSessionType(entry.sessionType)?.name ?? "Appointment",
    format: formatLabels[entry.format],
    where: locationName(entry.location),
    days: daysOf(entry.days),
    parts: partsOf(entry.parts),
    from: formatDay(entry.earliest, { withYear: true }),
    until: entry.latest ? formatDay(entry.latest, { withYear: true }) : null,
    lastsUntil: formatDay(entry.expiresAt.toISOString().slice(0, 10), { withYear: true }),
    mayStay: entry.status === "waiting" && entry.expiresAt.getTime() - now.getTime() <= STAY_ASKED_DAYS_BEFORE * DAY,
  };
}

async function entryByToken(executor: Transaction | Awaited<ReturnType<typeof getDb>>, token: string, lock = false): Promise<WaitlistEntry | undefined> {
  const query = executor.select().from(waitlistEntries).where(eq(waitlistEntries.tokenHash, placeTokenHash(token)));
  const [entry] = lock ? await query.for("update") : await query;
  return entry;
}

export type PlaceState = { state: "place"; place: PlaceView } | { state: "gone" };

/** What her place's link opens: the place, or nothing (left, removed, lapsed, erased or forged). */
export async function placeByToken(token: string, now = new Date()): Promise<PlaceState> {
  if (!isIssuedToken(token)) return { state: "gone" };
  const entry = await entryByToken(await getDb(), token);
  if (!entry || !["unconfirmed", "waiting", "paused"].includes(entry.status)) return { state: "gone" };
  if (entry.status === "unconfirmed" && entry.expiresAt <= now) return { state: "gone" };
  return { state: "place", place: placeView(entry, now) };
}

export type WaitlistCodeState = FormResult<EmailCodeField>;
export type WaitlistCodeResult = WaitlistCodeState | { status: "waiting"; placeToken: string };

const GONE = "This request has lapsed, so you are not on the waitlist yet. Please join again.";

const waitlistCodeForm = tokenForm({
  name: "waitlist-code",
  limits: { perIp: { max: codeTriesRule.max, windowSeconds: codeTriesRule.windowSeconds } },
  refused: (formError): FormRefusal<EmailCodeField> => refusal({ formError }),
  ourFault: (): FormRefusal<EmailCodeField> => refusal({ formError: publicFormMessages.ourFault }),
});

/** The code from the join email, typed on the page after "Join the waitlist". */
export const confirmPlaceByCode = waitlistCodeForm.handle(async ({ token, now, form, ip }): Promise<WaitlistCodeResult> => {
  const typed = { code: form.fields.code ?? "" };
  const keep = (problems: { formError?: string; fieldErrors?: Partial<Record<EmailCodeField, string[]>> }): FormRefusal<EmailCodeField> => ({ ...refusal(problems), values: typed });
  const parsed = emailCodeSchema.safeParse(typed);
  if (!parsed.success) return keep(fieldErrorsFrom<EmailCodeField>(parsed.error));
  const db = await getDb();
  return db.transaction(async (tx): Promise<WaitlistCodeResult> => {
    const verified = await verifyEmailCode(tx, { purpose: WAITLIST_CODE_PURPOSE, stepToken: token, code: parsed.data.code, now, ip });
    if (verified.status === "refused") {
      return verified.reason === "wrong" ? keep({ fieldErrors: { code: [verified.message] } }) : keep({ formError: verified.reason === "gone" ? GONE : verified.message });
    }
    const [entry] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, verified.subject)).for("update");
    const outcome = entry ? await takePlace(tx, entry, now) : "gone";
    if (outcome === "gone") return keep({ formError: GONE });
    return { status: "waiting", placeToken: placeToken(verified.subject) };
  });
});

export type CodeStepView = { state: "open"; step: OpenCodeStep; sessionName: string } | { state: "gone" };

/** What the code page shows: which kind of appointment she is waiting for, and whether a code can still be typed. */
export async function waitlistCodeStep(stepToken: string, now = new Date()): Promise<CodeStepView> {
  if (!isIssuedToken(stepToken)) return { state: "gone" };
  const db = await getDb();
  const step = await findCodeStep(db, WAITLIST_CODE_PURPOSE, stepToken);
  if (!step) return { state: "gone" };
  const [entry] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, step.subject));
  if (!entry || entry.status !== "unconfirmed" || entry.expiresAt <= now) return { state: "gone" };
  return { state: "open", step, sessionName: findSessionType(entry.sessionType)?.name ?? "Appointment" };
}

export type PlaceAnswer = "waiting" | "already" | "stayed" | "left" | "gone";

/** "Confirm my place" on the page the join email's link opens: one press, never the GET. */
export const confirmPlaceButton = tokenButton("waitlist-confirm").handle(async ({ token, now }) => ({ status: "success" as const, answer: await confirmPlace(token, now) }));

export async function confirmPlace(token: string, now = new Date()): Promise<PlaceAnswer> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const entry = await entryByToken(tx, token, true);
    return entry ? takePlace(tx, entry, now) : "gone";
  });
}

/** "Stay on the waitlist": another WAITLIST_DAYS from now, in the same place in line. */
export const stayButton = tokenButton("waitlist-stay").handle(async ({ token, now }) => ({ status: "success" as const, answer: await stayOnWaitlist(token, now) }));

export async function stayOnWaitlist(token: string, now = new Date()): Promise<PlaceAnswer> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const entry = await entryByToken(tx, token, true);
    if (!entry || !["waiting", "paused"].includes(entry.status)) return "gone";
    await tx
      .update(waitlistEntries)
      .set({ expiresAt: new Date(now.getTime() + WAITLIST_DAYS * DAY), stayAskedAt: null, updatedAt: now })
      .where(eq(waitlistEntries.id, entry.id));
    return "stayed";
  });
}

/** "Leave the waitlist": one press on the page every waitlist email links to. An offer she holds goes back at once. */
export const leaveButton = tokenButton("waitlist-leave").handle(async ({ token, now }) => ({ status: "success" as const, answer: await leaveWaitlist(token, now) }));

export async function leaveWaitlist(token: string, now = new Date()): Promise<PlaceAnswer> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const entry = await entryByToken(tx, token, true);
    if (!entry || !["unconfirmed", "waiting", "paused"].includes(entry.status)) return "gone";
    await withdrawOpenOffer(tx, entry.id, now);
    await tx.update(waitlistEntries).set({ status: "left", network: null, closedAt: now, updatedAt: now }).where(eq(waitlistEntries.id, entry.id));
    return "left";
  });
}
