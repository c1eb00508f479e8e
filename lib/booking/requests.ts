import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";
import { getDb } from "@/db/client";
import { bookingStatus, bookings, type Booking } from "@/db/schema";
import { practice } from "@/lib/practice/practice";
import { confirmedByVisitor, seenByTherapist } from "./hold";
import { findSessionType } from "./session-types";
import type { Therapist } from "@/lib/auth/guards";
import { locationName } from "@/lib/practice/us-states";

export type BookingStatus = Booking["status"];
export const bookingStatuses = bookingStatus.enumValues;

/** A row of the requests list: enough to recognise it, nothing of the intake. */
export type BookingListItem = {
  id: string;
  status: BookingStatus;
  sessionName: string;
  format: Booking["format"];
  name: string;
  startsAt: Date;
  endsAt: Date;
  expiresAt: Date | null;
  createdAt: Date;
  /**
   * The visitor never proved the address because the email asking her to was
   * held back (lib/email/unverified.ts): listed so the therapist can reach
   * her, but not hers to confirm or decline.
   */
  emailHeldBack: boolean;
};

/** One booking as the therapist opens it, intake answers included. */
export type BookingDetail = BookingListItem & {
  email: string;
  phone: string | null;
  location: string;
  locationName: string;
  whatBringsYou: string | null;
  heardAbout: string;
  payment: Booking["payment"];
  insurancePlan: string | null;
  /** A consultation that waits for her because its domain already had open bookings. */
  therapistApproves: boolean;
  visitorTimeZone: string;
  consentNoticeVersion: string;
  consentedAt: Date;
  emergencyAcknowledgedAt: Date;
  therapistNote: string | null;
  cancelledBy: Booking["cancelledBy"];
  rescheduleCount: number;
  confirmedAt: Date | null;
  closedAt: Date | null;
  holdExpiresAt: Date | null;
};

function listItem(row: Booking): BookingListItem {
  return {
    id: row.id,
    status: row.status,
    sessionName: findSessionType(row.sessionType)?.name ?? row.sessionType,
    format: row.format,
    name: row.name,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    emailHeldBack: row.emailHeldBackAt !== null && row.holdExpiresAt !== null,
  };
}

export const bookingListFilterSchema = z.strictObject({
  status: z.enum([...bookingStatuses, "all"]).default("all"),
  when: z.enum(["upcoming", "past", "all"]).default("all"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type BookingListFilter = z.input<typeof bookingListFilterSchema>;

/**
 * Requests and bookings for the private area's list: upcoming first (soonest
 * at the top), then past ones (latest first); filtered by status and by
 * upcoming/past.
 */
export async function listBookingRequests(
  therapist: Therapist,
  filter: BookingListFilter = {},
  { now = new Date() } = {},
): Promise<{ items: BookingListItem[]; total: number }> {
  const { status, when, limit, offset } = bookingListFilterSchema.parse(filter);
  // A time held for an address nobody has confirmed is not hers to see yet,
  // unless its email was held back: then nobody else will tell her of it.
  const conditions: SQL[] = [seenByTherapist];
  if (status !== "all") conditions.push(eq(bookings.status, status));
  if (when === "upcoming") conditions.push(gte(bookings.endsAt, now));
  if (when === "past") conditions.push(lt(bookings.endsAt, now));
  const where = and(...conditions);
  const db = await getDb();
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(bookings)
      .where(where)
      .orderBy(
        sql`(${bookings.endsAt} < ${nowSql})`,
        sql`case when ${bookings.endsAt} >= ${nowSql} then ${bookings.startsAt} end asc`,
        desc(bookings.startsAt),
      )
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(bookings).where(where),
  ]);
  return { items: rows.map(listItem), total: total?.n ?? 0 };
}

/** One booking with its intake answers, or null. */
export async function getBookingRequest(therapist: Therapist, bookingId: string): Promise<BookingDetail | null> {
  if (!z.uuid().safeParse(bookingId).success) return null;
  const db = await getDb();
  const [row] = await db.select().from(bookings).where(and(eq(bookings.id, bookingId), seenByTherapist));
  if (!row) return null;
  return {
    ...listItem(row),
    email: row.email,
    phone: row.phone,
    location: row.location,
    locationName: locationName(row.location),
    whatBringsYou: row.whatBringsYou,
    heardAbout: row.heardAbout,
    payment: row.payment,
    insurancePlan: row.insurancePlan,
    therapistApproves: row.therapistApproves,
    visitorTimeZone: row.visitorTimeZone,
    consentNoticeVersion: row.consentNoticeVersion,
    consentedAt: row.consentedAt,
    emergencyAcknowledgedAt: row.emergencyAcknowledgedAt,
    therapistNote: row.therapistNote,
    cancelledBy: row.cancelledBy,
    rescheduleCount: row.rescheduleCount,
    confirmedAt: row.confirmedAt,
    closedAt: row.closedAt,
    holdExpiresAt: row.holdExpiresAt,
  };
}

/**
 * The overview: today's sessions, this week's (Monday to Sunday, the
 * practice's calendar, today included) and the requests awaiting an answer,
 * soonest first. Sessions are those holding a time.
 */
export async function bookingOverview(therapist: Therapist, { now = new Date() } = {}) {
  const local = DateTime.fromJSDate(now, { zone: practice.timeZone });
  const today = { from: local.startOf("day").toJSDate(), until: local.startOf("day").plus({ days: 1 }).toJSDate() };
  const week = { from: local.startOf("week").toJSDate(), until: local.startOf("week").plus({ weeks: 1 }).toJSDate() };
  const db = await getDb();
  const holding = and(inArray(bookings.status, ["requested", "confirmed", "completed", "no_show"]), confirmedByVisitor);
  const [todayRows, weekRows, awaiting] = await Promise.all([
    db.select().from(bookings).where(and(holding, gte(bookings.startsAt, today.from), lt(bookings.startsAt, today.until))).orderBy(asc(bookings.startsAt)),
    db.select().from(bookings).where(and(holding, gte(bookings.startsAt, week.from), lt(bookings.startsAt, week.until))).orderBy(asc(bookings.startsAt)),
    db.select().from(bookings).where(and(eq(bookings.status, "requested"), confirmedByVisitor)).orderBy(asc(bookings.startsAt)),
  ]);
  return { today: todayRows.map(listItem), thisWeek: weekRows.map(listItem), awaitingAnswer: awaiting.map(listItem) };
}
