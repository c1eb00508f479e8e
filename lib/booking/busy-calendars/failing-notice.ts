import "server-only";
import { and, gt, isNotNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { busyCalendars } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { siteUrl } from "@/lib/env";
import { practice } from "@/lib/practice/practice";
import { DAY, HOUR } from "@/lib/time";

/** A calendar failing this long is news: a short outage of Google's feed is not. */
export const FAILING_NOTICE_AFTER_MS = HOUR;
/** However many of her calendars fail, and however often, she hears of it at most once in this long. */
export const FAILING_NOTICE_EVERY_MS = DAY;

/** Her calendars that have been failing for over an hour, by name, for the overview. */
export async function calendarsFailingLong(now = new Date()): Promise<{ name: string; failingSince: Date }[]> {
  const db = await getDb();
  return db
    .select({ name: busyCalendars.name, failingSince: busyCalendars.failingSince })
    .from(busyCalendars)
    .where(and(isNotNull(busyCalendars.failingSince), lte(busyCalendars.failingSince, new Date(now.getTime() - FAILING_NOTICE_AFTER_MS))))
    .then((rows) => rows.map((row) => ({ name: row.name, failingSince: row.failingSince! })));
}

/**
 * The sweep's part: when a calendar has been failing for over an hour, one
 * email tells her (to the practice's notification address, like every notice),
 * and no other goes out for a day, whichever calendar fails next. The
 * day is counted from the stored time of the last notice, under a lock, so
 * two servers' sweeps send one. Returns whether an email was queued.
 */
export async function noticeFailingCalendars(now = new Date()): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('attune:calendar-failing-notice'))`);
    const [recent] = await tx
      .select({ id: busyCalendars.id })
      .from(busyCalendars)
      .where(gt(busyCalendars.failingNoticeAt, new Date(now.getTime() - FAILING_NOTICE_EVERY_MS)))
      .limit(1);
    if (recent) return false;
    const failing = await tx
      .update(busyCalendars)
      .set({ failingNoticeAt: now })
      .where(and(isNotNull(busyCalendars.failingSince), lte(busyCalendars.failingSince, new Date(now.getTime() - FAILING_NOTICE_AFTER_MS))))
      .returning({ id: busyCalendars.id });
    if (failing.length === 0) return false;
    await enqueueEmail(tx, {
      to: practice.notificationEmail,
      template: "calendar-failing",
      props: { calendars: failing.length, availabilityUrl: siteUrl("/admin/availability") },
    });
    return true;
  });
}
