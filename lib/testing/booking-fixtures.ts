import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings, outboxEmails } from "@/db/schema";
import { confirmHold } from "@/lib/booking/hold";
import { manageToken } from "@/lib/booking/manage-link";
import { requestBooking } from "@/lib/booking/request-booking";
import { localTimeToInstant } from "@/lib/booking/time";
import type { SubmitContext } from "@/lib/forms/public-form";
import { therapistForTests } from "./therapist";

export const PRACTICE_ZONE = "America/Los_Angeles";

/**
 * A fixed "now" for booking tests: Monday 1 March 2027, 8:00 in Portland.
 * With the demo week (content/practice.ts) the first intake time (48 hours'
 * notice) is Wednesday 3 March at 12:00, and consultations (4 hours) start
 * Monday at 13:00.
 */
export const NOW = new Date("2027-03-01T16:00:00Z");

/** An instant from the practice's wall clock: at("2027-03-03", "12:30"). */
export function at(day: string, clock: string): Date {
  const instant = localTimeToInstant(day, Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5)), PRACTICE_ZONE);
  if (!instant) throw new Error(`${day} ${clock} does not exist in ${PRACTICE_ZONE}`);
  return instant;
}

export const WEDNESDAY = "2027-03-03";

export function intakeRequest(overrides: Record<string, unknown> = {}) {
  return {
    formKey: randomUUID(),
    website: "",
    sessionType: "intake",
    startsAt: at(WEDNESDAY, "12:00").toISOString(),
    timeZone: "Europe/London",
    name: "Robin Vale",
    email: `robin.${randomUUID().slice(0, 8)}@example.com`,
    phone: "",
    location: "OR",
    format: "telehealth",
    whatBringsYou: "",
    heardAbout: "blog",
    consent: "yes",
    ...overrides,
  };
}

export function consultationRequest(overrides: Record<string, unknown> = {}) {
  return intakeRequest({ sessionType: "consultation", ...overrides });
}

let ipCounter = 0;
/**
 * A fresh benchmarking-range IP per call, each in its own /24 (198.18.0.0/15
 * holds 512), so neither per-IP limits nor their group budgets meet across
 * tests.
 */
export function ip() {
  ipCounter += 1;
  return `198.${18 + (Math.floor(ipCounter / 256) % 2)}.${ipCounter % 256}.${(Math.floor(ipCounter / 512) % 250) + 1}`;
}

export async function rowCounts() {
  const db = await getDb();
  const [booked] = await db.select({ n: count() }).from(bookings);
  const [emails] = await db.select({ n: count() }).from(outboxEmails);
  return { bookings: booked!.n, emails: emails!.n };
}

export const therapist = therapistForTests();

/**
 * Requests a time and confirms it from the email as its visitor would: the
 * state most booking tests start from (the therapist sees it, and an
 * "immediate" type is confirmed). A refusal comes back as it was.
 */
export async function requestConfirmedBooking(input: unknown, context: SubmitContext) {
  const result = await requestBooking(input, context);
  if (result.status !== "held") return result;
  const token = manageToken(result.bookingId);
  const confirmed = await confirmHold(token, context.now ?? new Date());
  // "already": the same form sent twice, confirmed by the first.
  if (confirmed === "gone") throw new Error(`the hold could not be confirmed: ${confirmed}`);
  return { status: "requested", bookingId: result.bookingId, manageToken: token } as const;
}
