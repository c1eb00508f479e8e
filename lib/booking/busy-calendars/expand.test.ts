import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { minutelyCalendar } from "@/lib/testing/calendar-server";
import { NotICalendarError, busyIntervalsFromICalendar, describeLeftOut, readAllAtOnce, readBusyIntervals } from "./expand";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const window = { from: new Date("2026-11-30T00:00:00Z"), until: new Date("2027-04-01T00:00:00Z"), timeZone: "America/Los_Angeles" };
const iso = (intervals: { startsAt: Date; endsAt: Date }[]) => intervals.map(({ startsAt, endsAt }) => `${startsAt.toISOString()}/${endsAt.toISOString()}`);

describe("busy times from an iCalendar feed", () => {
  it("expands a weekly client hour, skipping its EXDATE, moving its overridden week, dropping its cancelled week, across the spring change", () => {
    const busy = iso(busyIntervalsFromICalendar(fixture("weekly-client.ics"), window));
    expect(busy.slice(0, 5)).toEqual([
      "2026-12-01T18:00:00.000Z/2026-12-01T18:50:00.000Z",
      "2026-12-08T18:00:00.000Z/2026-12-08T18:50:00.000Z",
      // 15 December is an EXDATE, 22 December moved to the 23rd at 14:00, 29 December cancelled.
      "2026-12-23T22:00:00.000Z/2026-12-23T22:50:00.000Z",
      "2027-01-05T18:00:00.000Z/2027-01-05T18:50:00.000Z",
      "2027-01-12T18:00:00.000Z/2027-01-12T18:50:00.000Z",
    ]);
    expect(busy).toContain("2027-03-09T18:00:00.000Z/2027-03-09T18:50:00.000Z");
    expect(busy).toContain("2027-03-16T17:00:00.000Z/2027-03-16T17:50:00.000Z");
    expect(busy.some((interval) => interval.startsWith("2026-12-15") || interval.startsWith("2026-12-22") || interval.startsWith("2026-12-29"))).toBe(false);
    // The free (TRANSP:TRANSPARENT) morning of the 2nd and the cancelled event of the 3rd hold nothing.
    expect(busy.some((interval) => interval.startsWith("2026-12-02") || interval.startsWith("2026-12-03"))).toBe(false);
    // 18 Tuesdays from 1 December to 30 March, less three, plus the moved one.
    expect(busy).toHaveLength(16);
  });

  it("keeps only times: no title, description, place or attendee reaches the result", () => {
    const text = JSON.stringify(busyIntervalsFromICalendar(fixture("weekly-client.ics"), window));
    for (const secret of ["Jane", "panic", "Office", "client.example"]) expect(text).not.toContain(secret);
  });

  it("reads a Google feed: UTC times, a London series across the UK's change, an all-day event in the practice's days", () => {
    expect(iso(busyIntervalsFromICalendar(fixture("google.ics"), window))).toEqual([
      "2026-12-07T17:00:00.000Z/2026-12-07T18:00:00.000Z",
      "2026-12-24T08:00:00.000Z/2026-12-26T08:00:00.000Z",
      "2027-03-01T17:00:00.000Z/2027-03-01T18:00:00.000Z",
      "2027-03-08T17:00:00.000Z/2027-03-08T18:00:00.000Z",
      "2027-03-15T17:00:00.000Z/2027-03-15T18:00:00.000Z",
      "2027-03-22T17:00:00.000Z/2027-03-22T18:00:00.000Z",
      "2027-03-29T16:00:00.000Z/2027-03-29T17:00:00.000Z",
    ]);
  });

  it("reads an Apple feed: an IANA zone with no VTIMEZONE, a floating time in the practice's zone, DURATION, a daily series over the US change", () => {
    expect(iso(busyIntervalsFromICalendar(fixture("apple.ics"), window))).toEqual([
      "2026-12-09T14:00:00.000Z/2026-12-09T15:00:00.000Z",
      "2026-12-10T20:00:00.000Z/2026-12-10T21:30:00.000Z",
      "2027-03-12T16:00:00.000Z/2027-03-12T16:30:00.000Z",
      "2027-03-13T16:00:00.000Z/2027-03-13T16:30:00.000Z",
      "2027-03-14T15:00:00.000Z/2027-03-14T15:30:00.000Z",
      "2027-03-15T15:00:00.000Z/2027-03-15T15:30:00.000Z",
      "2027-03-16T15:00:00.000Z/2027-03-16T15:30:00.000Z",
    ]);
  });

  it("reads a zone known only from the feed's own VTIMEZONE (Outlook's Windows names)", () => {
    expect(iso(busyIntervalsFromICalendar(fixture("outlook.ics"), window))).toEqual(["2026-12-11T09:00:00.000Z/2026-12-11T10:00:00.000Z"]);
  });

  it("keeps only what touches the window", () => {
    const busy = busyIntervalsFromICalendar(fixture("weekly-client.ics"), { ...window, from: new Date("2026-12-05T00:00:00Z"), until: new Date("2026-12-20T00:00:00Z") });
    expect(iso(busy)).toEqual(["2026-12-08T18:00:00.000Z/2026-12-08T18:50:00.000Z"]);
  });

  it("refuses what is not a calendar", () => {
    expect(() => busyIntervalsFromICalendar(fixture("malformed.ics"), window)).toThrow(NotICalendarError);
    expect(() => busyIntervalsFromICalendar(fixture("truncated.ics"), window)).toThrow(NotICalendarError);
    expect(() => busyIntervalsFromICalendar("", window)).toThrow(NotICalendarError);
  });
});

describe("the budget of one feed", () => {
  const tenMinutely = minutelyCalendar({ uid: "budget", count: 10, weekly: { firstStart: "2026-12-01T10:00:00", minutes: 50 } });

  it("stops ten MINUTELY events at the feed's budget, reports them, and still reads the weekly hour beside them", () => {
    const started = performance.now();
    const reading = readAllAtOnce(tenMinutely, window, { steps: 100_000, ms: 300 });
    // One budget for the whole feed, not 300 ms for each of the ten.
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(reading.leftOut).toEqual({ events: 10, frequent: 10, intervals: false });
    expect(iso(reading.intervals)).toContain("2026-12-01T18:00:00.000Z/2026-12-01T18:50:00.000Z");
    expect(describeLeftOut(reading.leftOut)).toMatch(/^10 repeating events could not be read in full: .* They repeat every hour or more often\./);
  });

  it("counts steps across the feed: a budget of a few steps leaves out the recurring events past it", () => {
    const reading = readAllAtOnce(fixture("weekly-client.ics"), window, { steps: 3, ms: 10_000 });
    expect(reading.leftOut).toMatchObject({ events: 1, frequent: 0 });
    expect(describeLeftOut(reading.leftOut)).toMatch(/^1 repeating event could not be read in full/);
    expect(readAllAtOnce(fixture("weekly-client.ics"), window).leftOut).toBeNull();
    expect(describeLeftOut(null)).toBeNull();
  });

  it("lets the event loop turn while it reads: other work runs at least every few slices of its CPU time", async () => {
    // Counted against the process's CPU time, not the clock, so a busy machine does not decide the answer.
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const cpu = process.cpuUsage();
    const reading = await readBusyIntervals(tenMinutely, window, { steps: 100_000, ms: 400 });
    const used = process.cpuUsage(cpu);
    ticking = false;
    expect(reading.leftOut).toMatchObject({ frequent: 10 });
    const cpuMs = (used.user + used.system) / 1000;
    expect(cpuMs).toBeGreaterThan(50);
    // Each slice is about 4 ms; one turn per 25 ms of CPU is far below that, and far above none.
    expect(turns).toBeGreaterThan(cpuMs / 25);
  });
});

describe("all-day events she has said block the day", () => {
  const calendar = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "BEGIN:VEVENT",
    "UID:vacation@google.example",
    "DTSTAMP:20260101T000000Z",
    "DTSTART;VALUE=DATE:20261224",
    "DTEND;VALUE=DATE:20261225",
    // Google's default for an all-day event.
    "TRANSP:TRANSPARENT",
    "SUMMARY:Vacation",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:lunch@google.example",
    "DTSTAMP:20260101T000000Z",
    "DTSTART:20261223T200000Z",
    "DTEND:20261223T210000Z",
    "TRANSP:TRANSPARENT",
    "SUMMARY:Maybe lunch",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:cancelled@google.example",
    "DTSTAMP:20260101T000000Z",
    "DTSTART;VALUE=DATE:20261228",
    "DTEND;VALUE=DATE:20261229",
    "STATUS:CANCELLED",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");

  it("a free all-day event holds nothing by default, and its whole day in the practice's zone when she chose so; a free timed or cancelled event never", () => {
    expect(busyIntervalsFromICalendar(calendar, window)).toEqual([]);
    expect(iso(busyIntervalsFromICalendar(calendar, { ...window, allDayBusy: true }))).toEqual(["2026-12-24T08:00:00.000Z/2026-12-25T08:00:00.000Z"]);
  });
});
