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

// A rule such as FREQ=MINUTELY with no end would otherwise spin: past this
// many steps of one event the rest of its series is left out.
const MAX_STEPS_PER_EVENT = 20_000;
// A feed of this many busy times is past any real practice; the rest are left out.
const MAX_INTERVALS = 50_000;

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

function isIgnored(component: ICAL.Component): boolean {
  const status = String(component.getFirstPropertyValue("status") ?? "").toUpperCase();
  const transparency = String(component.getFirstPropertyValue("transp") ?? "").toUpperCase();
  return status === "CANCELLED" || transparency === "TRANSPARENT";
}

function tzidOf(component: ICAL.Component, property: "dtstart" | "dtend"): string | undefined {
  const value = component.getFirstProperty(property)?.getParameter("tzid");
  return typeof value === "string" ? value : undefined;
}

/**
 * The busy intervals of an iCalendar feed that touch [from, until), merged
 * and in order. Only times survive: titles, attendees, places and notes are
 * never read into the result, since they may name clients. Recurring events
 * expand with their EXDATEs and moved or cancelled instances (RECURRENCE-ID);
 * free (TRANSP:TRANSPARENT) and cancelled events are not busy. Throws
 * NotICalendarError for anything that is not a VCALENDAR.
 */
export function busyIntervalsFromICalendar(text: string, { from, until, timeZone }: { from: Date; until: Date; timeZone: string }): BusyInterval[] {
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
  const add = (component: ICAL.Component, start: ICAL.Time, end: ICAL.Time) => {
    if (isIgnored(component)) return;
    const startMs = instantOf(start, tzidOf(component, "dtstart"), zones, clocks, timeZone);
    const endMs = instantOf(end, tzidOf(component, "dtend") ?? tzidOf(component, "dtstart"), zones, clocks, timeZone);
    if (!(endMs > startMs) || endMs <= fromMs || startMs >= untilMs) return;
    if (intervals.length < MAX_INTERVALS) intervals.push({ start: startMs, end: endMs });
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

  // An instance moved by up to a fortnight can land inside the window from outside it.
  const iterateUntil = untilMs + 14 * DAY;
  for (const { master, exceptions } of series.values()) {
    try {
      if (!master) {
        // Only the changed instances of someone else's series (Google shares these): each stands alone.
        for (const exception of exceptions) {
          const event = new ICAL.Event(exception);
          add(exception, event.startDate, event.endDate);
        }
        continue;
      }
      if (!master.hasProperty("rrule") && !master.hasProperty("rdate")) {
        // Most events: read directly, without the cost of ical.js's Event (a few times slower, on thousands).
        const start = master.getFirstPropertyValue("dtstart") as ICAL.Time;
        add(master, start, endOf(master, start));
        continue;
      }
      const event = new ICAL.Event(master, { exceptions, strictExceptions: false });
      const iterator = event.iterator();
      let steps = 0;
      for (let next = iterator.next(); next && steps < MAX_STEPS_PER_EVENT; next = iterator.next(), steps++) {
        if (instantOf(next, tzidOf(master, "dtstart"), zones, clocks, timeZone) >= iterateUntil) break;
        const details = event.getOccurrenceDetails(next);
        const source = details.item.component;
        add(source, details.startDate, details.endDate);
      }
    } catch {
      // One unreadable event (a bad RRULE) leaves the others standing.
    }
  }
  return merge(intervals);
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
