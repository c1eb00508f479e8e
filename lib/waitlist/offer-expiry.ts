import { DateTime } from "luxon";
import { HOUR, MINUTE } from "@/lib/time";

/** Her night: an offer never ends between these hours in her zone (it would lapse while she sleeps). */
export const NIGHT_STARTS_HOUR = 21;
export const MORNING_HOUR = 8;
/** Where an offer that would end in the night runs on to. */
export const OFFER_MORNING_HOUR = 9;
/** Less than this to answer is no offer: the time stays on /book. */
export const SHORTEST_OFFER = 30 * MINUTE;

const inNight = (at: DateTime) => at.hour >= NIGHT_STARTS_HOUR || at.hour < MORNING_HOUR;

/**
 * When an offer made at `now` ends: `hours` later, run on to 09:00 her time
 * when that falls in her night, and never later than `lastMoment` (the
 * session's start less its minimum notice, after which the time goes back to
 * /book). When that cap falls in her night the offer ends at 21:00 the
 * evening before. Null when fewer than SHORTEST_OFFER would be left: the time
 * is not offered.
 */
export function offerExpiry(now: Date, hours: number, zone: string, lastMoment: Date): Date | null {
  let end = DateTime.fromJSDate(new Date(now.getTime() + hours * HOUR), { zone });
  if (inNight(end)) {
    const morning = end.hour >= NIGHT_STARTS_HOUR ? end.plus({ days: 1 }) : end;
    end = morning.set({ hour: OFFER_MORNING_HOUR, minute: 0, second: 0, millisecond: 0 });
  }
  if (end.toMillis() > lastMoment.getTime()) {
    end = DateTime.fromJSDate(lastMoment, { zone });
    if (inNight(end)) {
      const evening = end.hour < MORNING_HOUR ? end.minus({ days: 1 }) : end;
      end = evening.set({ hour: NIGHT_STARTS_HOUR, minute: 0, second: 0, millisecond: 0 });
    }
  }
  const endsAt = end.toJSDate();
  return endsAt.getTime() - now.getTime() >= SHORTEST_OFFER ? endsAt : null;
}
