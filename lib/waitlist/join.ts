import "server-only";
import "./waitlist-emails";
import { randomUUID } from "node:crypto";
import { and, count, eq, gt } from "drizzle-orm";
import { DateTime } from "luxon";
import { type Transaction, getDb } from "@/db/client";
import { type WaitlistEntry, waitlistEntries } from "@/db/schema";
import { HOLDS_PER_NETWORK, holdNetwork, lockHoldNetwork } from "@/lib/booking/hold";
import { findSessionType, formatLabels } from "@/lib/booking/session-types";
import { enqueueToUnverified } from "@/lib/email/unverified";
import { enqueueEmail } from "@/lib/email/outbox";
import { normaliseEmailAddress } from "@/lib/forms/email-address";
import type { FormResult } from "@/lib/forms/form-result";
import { perHour, publicForm, publicFormMessages } from "@/lib/forms/public-form";
import { practice } from "@/lib/practice/practice";
import { licensedStatesText, locationName } from "@/lib/practice/us-states";
import { EMAIL_CODE_MINUTES, closeEmailCodeStep, codeStepFor, issueEmailCode } from "@/lib/security/email-code";
import { isUniqueViolation } from "@/lib/errors";
import { DAY, MINUTE } from "@/lib/time";
import { placeToken, placeTokenHash } from "./links";
import { type WaitlistJoinField, waitlistJoinFields, waitlistJoinSchema } from "./schema";
import { dayParts, daysMask, partsMask, waitlistDays } from "./wishes";

/** How long a place on the waitlist lasts; a week before, she is asked whether to stay (lib/waitlist/sweep.ts). */
export const WAITLIST_DAYS = 60;
export const STAY_ASKED_DAYS_BEFORE = 7;

/** Which purpose the entry's code step has (lib/security/email-code.ts); its subject is the entry's id. */
export const WAITLIST_CODE_PURPOSE = "waitlist-join";

/**
 * An unproven entry lapses when its code does, like a held time: until the
 * address is proven nothing waits in line for anyone.
 */
export const UNCONFIRMED_MINUTES = EMAIL_CODE_MINUTES;

/**
 * The same budgets as a booking request, counted separately: 10 an hour
 * from one network, 5 a day to one mailbox; its email counts against the
 * practice's ceiling of emails to unproven addresses.
 */
export const waitlistForm = publicForm({
  name: "waitlist",
  schema: waitlistJoinSchema,
  fields: waitlistJoinFields,
  limits: { perIp: perHour(10), perAddress: { max: 5, windowSeconds: DAY / 1000 } },
});

export type WaitlistJoinState = FormResult<WaitlistJoinField>;
export type JoinWaitlistResult = WaitlistJoinState | { status: "unconfirmed"; entryId: string; stepToken: string } | { status: "held-back"; entryId: string };

export const TOO_MANY_UNCONFIRMED = `You already have ${HOLDS_PER_NETWORK} requests waiting for the code from their email. Please type the code for one of them, or wait ${UNCONFIRMED_MINUTES} minutes, and then send this again. Nothing was stored, and everything you typed is still here.`;

/**
 * Joins the waitlist from /book/waitlist, once the public-form pipeline has
 * let it through. The entry is stored unconfirmed with one email carrying a
 * code (and a link); only when the code is typed or the link pressed does
 * she take her place in line. One network holds at most HOLDS_PER_NETWORK
 * unproven entries at once, as it does held times. Every refusal writes
 * nothing but its rate-limit count.
 */
export const joinWaitlist = waitlistForm.handle(async (form, { now, ip, formKeyHash, refuse }): Promise<JoinWaitlistResult> => {
  const sessionType = findSessionType(form.sessionType);
  if (!sessionType) return refuse({ formError: "That kind of appointment is not offered. Please start again from the booking page." });
  if (!sessionType.formats.includes(form.format)) {
    const offered = sessionType.formats.map((format) => formatLabels[format].toLowerCase()).join(" or ");
    return refuse({ fieldErrors: { format: [`A ${sessionType.name.toLowerCase()} is offered ${offered} only.`] } });
  }
  if (!practice.licensedStates.includes(form.location)) {
    const where = locationName(form.location);
    return refuse({
      fieldErrors: {
        location: [
          `${practice.therapist.name} is licensed to see clients only while they are in ${licensedStatesText(practice.licensedStates)}, so she cannot see you while you are ${where === "outside the United States" ? where : `in ${where}`}.`,
        ],
      },
    });
  }
  const today = DateTime.fromJSDate(now, { zone: form.timeZone }).toISODate()!;
  const lastDay = DateTime.fromJSDate(new Date(now.getTime() + WAITLIST_DAYS * DAY), { zone: form.timeZone }).toISODate()!;
  if (form.earliest > lastDay) return refuse({ fieldErrors: { earliest: [`Please choose a first day within the next ${WAITLIST_DAYS} days: a place on the waitlist lasts that long.`] } });
  if (form.latest && form.latest < today) return refuse({ fieldErrors: { latest: ["The last day has already passed. Please choose a later one, or leave it empty."] } });

  const db = await getDb();
  const replay = async (): Promise<JoinWaitlistResult | null> => {
    const [first] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.formKeyHash, formKeyHash));
    if (!first) return null;
    if (normaliseEmailAddress(first.email) !== normaliseEmailAddress(form.email)) return refuse({ formError: publicFormMessages.expired });
    const step = first.status === "unconfirmed" ? await codeStepFor(db, WAITLIST_CODE_PURPOSE, first.id) : null;
    return step ? { status: "unconfirmed", entryId: first.id, stepToken: step.stepToken } : refuse({ formError: publicFormMessages.expired });
  };
  const already = await replay();
  if (already) return already;

  const id = randomUUID();
  const network = holdNetwork(ip);
  try {
    return await db.transaction(async (tx): Promise<JoinWaitlistResult> => {
      await lockHoldNetwork(tx, network);
      if ((await unconfirmedOf(tx, network, now)) >= HOLDS_PER_NETWORK) return refuse({ formError: TOO_MANY_UNCONFIRMED });
      await tx.insert(waitlistEntries).values({
        id,
        status: "unconfirmed",
        sessionType: sessionType.slug,
        format: form.format,
        location: form.location,
        timeZone: form.timeZone,
        days: daysMask(waitlistDays.filter(([day]) => form[day] === "yes").map(([day]) => day)),
        parts: partsMask(dayParts.filter(([part]) => form[part] === "yes").map(([part]) => part)),
        earliest: form.earliest < today ? today : form.earliest,
        latest: form.latest ?? null,
        name: form.name,
        email: form.email,
        phone: form.phone ?? null,
        consentNoticeVersion: practice.privacy.noticeVersion,
        consentedAt: now,
        formKeyHash,
        tokenHash: placeTokenHash(placeToken(id)),
        network,
        expiresAt: new Date(now.getTime() + UNCONFIRMED_MINUTES * MINUTE),
        createdAt: now,
        updatedAt: now,
      });
      const step = await issueEmailCode(tx, { purpose: WAITLIST_CODE_PURPOSE, subject: id, now });
      const queued = await enqueueToUnverified(
        tx,
        { to: form.email, template: "waitlist-code", props: { entryId: id, sessionName: sessionType.name, codeId: step.codeId, codeIssue: step.issue, minutes: UNCONFIRMED_MINUTES } },
        now,
        ip,
      );
      if (queued) return { status: "unconfirmed", entryId: id, stepToken: step.stepToken };
      // No code can reach her: nothing waits half-made; she is told to call or write instead.
      await tx.delete(waitlistEntries).where(eq(waitlistEntries.id, id));
      await closeEmailCodeStep(tx, WAITLIST_CODE_PURPOSE, id);
      return { status: "held-back", entryId: id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "waitlist_entry_form_key_unique")) {
      const replayed = await replay();
      if (replayed) return replayed;
    }
    throw error;
  }
});

async function unconfirmedOf(tx: Transaction, network: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.network, network), eq(waitlistEntries.status, "unconfirmed"), gt(waitlistEntries.expiresAt, now)));
  return row?.n ?? 0;
}

/**
 * The address is proven (the code typed, or the link pressed): she takes
 * her place at the end of the line for WAITLIST_DAYS, and is told so. The
 * caller has locked the row.
 */
export async function takePlace(tx: Transaction, entry: WaitlistEntry, now: Date): Promise<"waiting" | "already" | "gone"> {
  if (entry.status !== "unconfirmed") return ["waiting", "paused"].includes(entry.status) ? "already" : "gone";
  if (entry.expiresAt <= now) return "gone";
  await tx
    .update(waitlistEntries)
    .set({ status: "waiting", network: null, confirmedAt: now, expiresAt: new Date(now.getTime() + WAITLIST_DAYS * DAY), updatedAt: now })
    .where(eq(waitlistEntries.id, entry.id));
  await closeEmailCodeStep(tx, WAITLIST_CODE_PURPOSE, entry.id);
  await enqueueEmail(tx, { to: entry.email, template: "waitlist-joined", props: { entryId: entry.id, sessionName: findSessionType(entry.sessionType)?.name ?? "Appointment", days: WAITLIST_DAYS } });
  return "waiting";
}
