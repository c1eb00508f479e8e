import { DAY } from "@/lib/time";

/**
 * How far back a start on /book/request is still worth answering with the
 * nearest free times: a visitor who comes back to the page a few days later
 * gets alternatives (which search a week either side), not a refusal.
 */
const PAST_GRACE_DAYS = 7;

/**
 * Whether a start could be a time /book offered: from a week ago up to the
 * session type's horizon (plus a day for the visitor's zone). Anything else is
 * a made-up link, refused at the edge (proxy.ts) and never searched around in
 * the database, whose timestamps end long before a JavaScript Date does.
 */
export function withinBookingWindow(startsAt: Date, horizonDays: number, now: Date): boolean {
  const at = startsAt.getTime();
  if (Number.isNaN(at)) return false;
  return at >= now.getTime() - PAST_GRACE_DAYS * DAY && at <= now.getTime() + (horizonDays + 1) * DAY;
}
