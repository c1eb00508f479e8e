import ICAL from "ical.js";
import { isTimeZone, wallClockOf } from "../time";
import { DAY } from "@/lib/time";

/** A time the therapist is busy in one of her own calendars: nothing else of the event is kept. */
export type BusyInterval = { startsAt: Date; endsAt: Date };

export class NotICalendarError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotICalendarError";
  }
}

/**
 * What one feed may cost to read, whatever is in it: steps of its recurring
 * events (each instance ical.js computes, inside the window or before it)
 * and milliseconds of the server's CPU. Anyone who can put an event in her
 * calendar (an invitation will do) writes part of the feed, so the limit is
 * the feed's, not each event's: ten events cannot cost ten times as much.
 */
export type ExpansionBudget = { steps: number; ms: number };
export const FEED_BUDGET: ExpansionBudget = { steps: 100_000, ms: 1_000 };
// A feed of this many busy times is past any real practice; the rest are left out.
const MAX_INTERVALS = 50_000;
/** How long the expansion works before it lets the server answer others; see readBusyIntervals. */
const SLICE_MS = 4;

/** Events of the feed the budget did not stretch to: none, some of their times, or all of them may be missing. */
export type LeftOut = { events: number; frequent: number; intervals: boolean };

export type FeedReading = { intervals: BusyInterval[]; leftOut: LeftOut | null };

type Zones = Map<string, ICAL.Timezone>;

/**
 * Wall clock to instant, for one feed's reading: a feed of thousands of
 * events names a few zones and days over and over, so each zone's answer and
 * each day's converter (time.ts's, one Intl lookup a day) is made once.
 */
function wallClocks() {
  const known = new Map<string, boolean>();
  const days = new Map<string, (minute: number) => Date | null>();
  return {
    isZone(name: string) {
      let answer = known.get(name);
      if (answer === undefined) known.set(name, (answer = isTimeZone(name)));
      return answer;
    },
    // A time inside the hour skipped when clocks go forward moves forward with them.
    instant(time: ICAL.Time, zone: string): number {
      const day = `${String(time.year).padStart(4, "0")}-${String(time.month).padStart(2, "0")}-${String(time.day).padStart(2, "0")}`;
      const key = `${zone} ${day}`;
      let convert = days.get(key);
      if (!convert) days.set(key, (convert = wallClockOf(day, zone)));
      const minute = time.isDate ? 0 : time.hour * 60 + time.minute;
      const seconds = time.isDate ? 0 : time.second;
      const at = convert(minute) ?? convert(minute + 60);
      return (at?.getTime() ?? Date.UTC(time.year, time.month - 1, time.day)) + seconds * 1000;
    },
  };
}
type WallClocks = ReturnType<typeof wallClocks>;

/**
 * The instant an iCalendar time stands for. UTC is UTC; a TZID that names an
 * IANA zone goes through Intl (so the zone's rules are current, whatever the
 * feed's VTIMEZONE says); a TZID known only from the feed's own VTIMEZONE
 * (Outlook's "W. Europe Standard Time") through that definition; a floating
 * time, or a date, is the practice's wall clock, since that is where she
 * lives her day.
 */
function instantOf(time: ICAL.Time, tzid: string | undefined, zones: Zones, clocks: WallClocks, practiceZone: string): number {
  if (time.isDate) return clocks.instant(time, practiceZone);
  if (time.zone === ICAL.Timezone.utcTimezone) return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  if (tzid) {
    const name = tzid.replace(/^\/+/, "");
    if (clocks.isZone(name)) return clocks.instant(time, name);
    const defined = zones.get(tzid);
    if (defined) {
      const zoned = time.clone();
      zoned.zone = defined;
      return zoned.toUnixTime() * 1000;
    }
  }
  return clocks.instant(time, practiceZone);
}

/**
 * Cancelled events never hold time; free (TRANSPARENT) ones do not either,
 * except an all-day one when she has said all-day events block the day:
 * Google makes every all-day event free unless it is changed, so her day
 * off entered with the defaults would otherwise leave /book open.
 */
function isIgnored(component: ICAL.Component, start: ICAL.Time, allDayBusy: boolean): boolean {
  const status = String(component.getFirstPropertyValue("status") ?? "").toUpperCase();
  const transparency = String(component.getFirstPropertyValue("transp") ?? "").toUpperCase();
  if (status === "CANCELLED") return true;
  return transparency === "TRANSPARENT" && !(allDayBusy && start.isDate);
}

function tzidOf(component: ICAL.Component, property: "dtstart" | "dtend"): string | undefined {
  const value = component.getFirstProperty(property)?.getParameter("tzid");
  return typeof value === "string" ? value : undefined;
}

type Window = { from: Date; until: Date; timeZone: string; allDayBusy?: boolean };

/** Rules that repeat more often than daily: a single one can name a time every second for years. */
function isFrequent(master: ICAL.Component): boolean {
  const rule = master.getFirstPropertyValue("rrule") as ICAL.Recur | null;
  return rule !== null && typeof rule === "object" && ["SECONDLY", "MINUTELY", "HOURLY"].includes(String(rule.freq).toUpperCase());
}

/**
 * The reading itself, as a generator that pauses (yields) whenever it has
 * worked SLICE_MS without a pause, so its driver can let other work in. It
 * stops each series, and then the feed, when the budget is spent. Series that
 * repeat daily or less often are read first; the SECONDLY, MINUTELY and
 * HOURLY ones share whatever is left, so one of them cannot crowd out her
 * weekly client hours.
 */
function* expansion(text: string, { from, until, timeZone, allDayBusy = false }: Window, budget: ExpansionBudget): Generator<void, FeedReading, void> {
  let sliceStart = performance.now();
  let spentMs = 0;
  let steps = 0;
  /** Counts the time of the slice so far; true when it is time to pause. */
  const sliceOver = () => {
    const elapsed = performance.now() - sliceStart;
    if (elapsed < SLICE_MS) return false;
    spentMs += elapsed;
    return true;
  };
  const resume = () => {
    sliceStart = performance.now();
  };
  const spent = () => steps >= budget.steps || spentMs + (performance.now() - sliceStart) >= budget.ms;

  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) throw new NotICalendarError("The address did not answer with an iCalendar file.");
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch {
    throw new NotICalendarError("The calendar file could not be read.");
  }
  if (root.name !== "vcalendar") throw new NotICalendarError("The address did not answer with an iCalendar file.");

  const zones: Zones = new Map();
  for (const definition of root.getAllSubcomponents("vtimezone")) {
    try {
      const zone = new ICAL.Timezone(definition);
      if (zone.tzid) zones.set(zone.tzid, zone);
    } catch {
      // A broken zone definition: times in it fall back to the IANA name or the practice's zone.
    }
  }

  const clocks = wallClocks();
  const fromMs = from.getTime();
  const untilMs = until.getTime();
  const intervals: { start: number; end: number }[] = [];
  let tooMany = false;
  const add = (component: ICAL.Component, start: ICAL.Time, end: ICAL.Time) => {
    if (isIgnored(component, start, allDayBusy)) return;
    const startMs = instantOf(start, tzidOf(component, "dtstart"), zones, clocks, timeZone);
    const endMs = instantOf(end, tzidOf(component, "dtend") ?? tzidOf(component, "dtstart"), zones, clocks, timeZone);
    if (!(endMs > startMs) || endMs <= fromMs || startMs >= untilMs) return;
    if (intervals.length < MAX_INTERVALS) intervals.push({ start: startMs, end: endMs });
    else tooMany = true;
  };

  // Overridden instances share their series' UID; grouped so each series expands once with its exceptions.
  const series = new Map<string, { master?: ICAL.Component; exceptions: ICAL.Component[] }>();
  let unnamed = 0;
  for (const component of root.getAllSubcomponents("vevent")) {
    if (!component.hasProperty("dtstart")) continue;
    const uid = String(component.getFirstPropertyValue("uid") ?? `no-uid-${unnamed++}`);
    const entry = series.get(uid) ?? { exceptions: [] };
    if (component.hasProperty("recurrence-id")) entry.exceptions.push(component);
    else entry.master = component;
    series.set(uid, entry);
  }

  const recurring: { master: ICAL.Component; exceptions: ICAL.Component[]; frequent: boolean }[] = [];
  for (const { master, exceptions } of series.values()) {
    try {
      if (!master) {
        // Only the changed instances of someone else's series (Google shares these): each stands alone.
        for (const exception of exceptions) {
          const event = new ICAL.Event(exception);
          add(exception, event.startDate, event.endDate);
        }
      } else if (!master.hasProperty("rrule") && !master.hasProperty("rdate")) {
        // Most events: read directly, without the cost of ical.js's Event (a few times slower, on thousands).
        const start = master.getFirstPropertyValue("dtstart") as ICAL.Time;
        add(master, start, endOf(master, start));
      } else {
        recurring.push({ master, exceptions, frequent: isFrequent(master) });
      }
    } catch {
      // One unreadable event (a bad RRULE) leaves the others standing.
    }
    if (sliceOver()) {
      yield;
      resume();
    }
  }
  recurring.sort((a, b) => Number(a.frequent) - Number(b.frequent));

  // An instance moved by up to a fortnight can land inside the window from outside it.
  const iterateUntil = untilMs + 14 * DAY;
  const leftOut: LeftOut = { events: 0, frequent: 0, intervals: false };
  for (const { master, exceptions, frequent } of recurring) {
    let finished = false;
    try {
      const event = new ICAL.Event(master, { exceptions, strictExceptions: false });
      const iterator = event.iterator();
      const tzid = tzidOf(master, "dtstart");
      for (;;) {
        if (spent()) break;
        const next = iterator.next();
        steps++;
        if (!next || instantOf(next, tzid, zones, clocks, timeZone) >= iterateUntil) {
          finished = true;
          break;
        }
        const details = event.getOccurrenceDetails(next);
        add(details.item.component, details.startDate, details.endDate);
        if (sliceOver()) {
          yield;
          resume();
        }
      }
    } catch {
      // One unreadable event (a bad RRULE) leaves the others standing.
      finished = true;
    }
    if (!finished) {
      leftOut.events++;
      if (frequent) leftOut.frequent++;
    }
  }
  leftOut.intervals = tooMany;
  return { intervals: merge(intervals), leftOut: leftOut.events > 0 || tooMany ? leftOut : null };
}

/**
 * The busy intervals of an iCalendar feed that touch [from, until), merged
 * and in order, with what the budget left out. Only times survive: titles,
 * attendees, places and notes are never read into the result, since they may
 * name clients. Recurring events expand with their EXDATEs and moved or
 * cancelled instances (RECURRENCE-ID); free (TRANSP:TRANSPARENT) and
 * cancelled events are not busy. Throws NotICalendarError for anything that
 * is not a VCALENDAR.
 *
 * It runs in the server that answers pages, so it never holds the CPU for
 * long: after each SLICE_MS of work it waits for the event loop to turn
 * (setImmediate), and pages asked for meanwhile are answered in between.
 */
export async function readBusyIntervals(text: string, window: Window, budget: ExpansionBudget = FEED_BUDGET): Promise<FeedReading> {
  const run = expansion(text, window, budget);
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The same reading all at once, for tests and scripts that have nothing else to serve. */
export function busyIntervalsFromICalendar(text: string, window: Window, budget: ExpansionBudget = FEED_BUDGET): BusyInterval[] {
  return readAllAtOnce(text, window, budget).intervals;
}

export function readAllAtOnce(text: string, window: Window, budget: ExpansionBudget = FEED_BUDGET): FeedReading {
  const run = expansion(text, window, budget);
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
  }
}

/** What the budget left out, in words for the Availability room; null when the whole feed was read. */
export function describeLeftOut(leftOut: LeftOut | null): string | null {
  if (!leftOut) return null;
  const parts: string[] = [];
  if (leftOut.events > 0) {
    const one = leftOut.events === 1;
    parts.push(`${one ? "1 repeating event" : `${leftOut.events} repeating events`} could not be read in full: reading ${one ? "it" : "them"} would take more than Attune spends on one calendar.`);
    if (leftOut.frequent > 0) {
      parts.push(leftOut.frequent === leftOut.events ? `${one ? "It repeats" : "They repeat"} every hour or more often.` : `${leftOut.frequent} of them repeat every hour or more often.`);
    }
  }
  if (leftOut.intervals) parts.push(`Only the first ${MAX_INTERVALS.toLocaleString("en-US")} busy times were kept.`);
  parts.push("Times those events hold may still be offered on /book; put them in your calendar as fewer, longer events.");
  return parts.join(" ");
}

/** DTEND, else DTSTART plus DURATION; with neither, a date ends the next day and a time at its start (so it holds nothing). */
function endOf(component: ICAL.Component, start: ICAL.Time): ICAL.Time {
  const end = component.getFirstPropertyValue("dtend");
  if (end instanceof ICAL.Time) return end;
  const result = start.clone();
  const duration = component.getFirstPropertyValue("duration");
  if (duration instanceof ICAL.Duration) result.addDuration(duration);
  else if (result.isDate) result.day += 1;
  return result;
}

function merge(intervals: { start: number; end: number }[]): BusyInterval[] {
  intervals.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged.map(({ start, end }) => ({ startsAt: new Date(start), endsAt: new Date(end) }));
}
