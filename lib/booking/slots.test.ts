import { describe, expect, it } from "vitest";
import { formatTime } from "./format";
import { type AvailabilityRules, type SlotRule, expandSlots, groupSlotsByDay, heldRange, nearestSlots, rangesOnDay } from "./slots";
import { dayInZone, localTimeToInstant } from "./time";

const LA = "America/Los_Angeles";
const h = (hours: number, minutes = 0) => hours * 60 + minutes;

const everyDay = (ranges: [number, number][]): AvailabilityRules["weekly"] =>
  [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => ranges.map(([startMinute, endMinute]) => ({ weekday, startMinute, endMinute })));

const rules = (overrides: Partial<AvailabilityRules> = {}): AvailabilityRules => ({
  weekly: everyDay([
    [h(9), h(10)],
    [h(14), h(15)],
  ]),
  timeOff: [],
  overrides: [],
  ...overrides,
});

const hourly: SlotRule = {
  durationMinutes: 50,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  startEveryMinutes: 60,
  minimumNoticeHours: 0,
  horizonDays: 365,
};

const iso = (slots: { startsAt: Date }[]) => slots.map((slot) => slot.startsAt.toISOString());

function slotsOn(day: string, options: Partial<Parameters<typeof expandSlots>[0]> = {}) {
  const from = new Date(`${day}T00:00:00Z`);
  return expandSlots({
    rules: rules(),
    sessionType: hourly,
    busy: [],
    now: new Date("2026-01-01T00:00:00Z"),
    timeZone: LA,
    from: new Date(from.getTime() - 12 * 3600_000),
    until: new Date(from.getTime() + 36 * 3600_000),
    ...options,
  }).filter((slot) => dayInZone(slot.startsAt, LA) === day);
}

describe("expandSlots across the practice's clock changes (America/Los_Angeles)", () => {
  it("moves morning and afternoon starts one hour earlier in UTC when clocks go forward (8 March 2026)", () => {
    // The evening before, Pacific Standard Time (UTC−8).
    expect(iso(slotsOn("2026-03-07"))).toEqual(["2026-03-07T17:00:00.000Z", "2026-03-07T22:00:00.000Z"]);
    // The day itself, Pacific Daylight Time (UTC−7) from 02:00.
    expect(iso(slotsOn("2026-03-08"))).toEqual(["2026-03-08T16:00:00.000Z", "2026-03-08T21:00:00.000Z"]);
    expect(iso(slotsOn("2026-03-09"))).toEqual(["2026-03-09T16:00:00.000Z", "2026-03-09T21:00:00.000Z"]);
  });

  it("moves them one hour later in UTC when clocks go back (1 November 2026)", () => {
    expect(iso(slotsOn("2026-10-31"))).toEqual(["2026-10-31T16:00:00.000Z", "2026-10-31T21:00:00.000Z"]);
    expect(iso(slotsOn("2026-11-01"))).toEqual(["2026-11-01T17:00:00.000Z", "2026-11-01T22:00:00.000Z"]);
  });

  it("offers no start in the skipped hour, and every start there is still the time it says", () => {
    const night = rules({ overrides: [{ day: "2026-03-08", ranges: [{ startMinute: h(1), endMinute: h(4) }] }] });
    // 01:00 PST, (02:00 does not exist), 03:00 PDT; each slot lasts its 50 minutes of real time.
    const slots = slotsOn("2026-03-08", { rules: night });
    expect(iso(slots)).toEqual(["2026-03-08T09:00:00.000Z", "2026-03-08T10:00:00.000Z"]);
    expect(slots.map((slot) => formatTime(slot.startsAt, LA))).toEqual(["1:00 AM", "3:00 AM"]);
    expect(slots.every((slot) => slot.endsAt.getTime() - slot.startsAt.getTime() === 50 * 60_000)).toBe(true);
  });

  it("offers the repeated hour once when clocks go back", () => {
    const night = rules({ overrides: [{ day: "2026-11-01", ranges: [{ startMinute: 0, endMinute: h(3) }] }] });
    const slots = slotsOn("2026-11-01", { rules: night });
    // 00:00 PDT, 01:00 PDT (the first of the two), 02:00 PST.
    expect(iso(slots)).toEqual(["2026-11-01T07:00:00.000Z", "2026-11-01T08:00:00.000Z", "2026-11-01T10:00:00.000Z"]);
    expect(slots.map((slot) => formatTime(slot.startsAt, LA))).toEqual(["12:00 AM", "1:00 AM", "2:00 AM"]);
  });

  it("keeps a session inside its range in real time on a 23-hour day", () => {
    // 00:00–03:00 on the spring-forward day is only two real hours long: two 50-minute slots fit, not three.
    const night = rules({ overrides: [{ day: "2026-03-08", ranges: [{ startMinute: 0, endMinute: h(3) }] }] });
    expect(iso(slotsOn("2026-03-08", { rules: night }))).toEqual(["2026-03-08T08:00:00.000Z", "2026-03-08T09:00:00.000Z"]);
  });
});

describe("expandSlots for a visitor in another zone", () => {
  const week = (day: string) => slotsOn(day);

  it("shows a visitor in London the right local times while only one side has changed its clocks", () => {
    const london = "Europe/London";
    // Before either change: 9:00 PST = 17:00 GMT.
    expect(week("2026-03-02").map((slot) => formatTime(slot.startsAt, london))).toEqual(["5:00 PM", "10:00 PM"]);
    // Between 8 March (US) and 29 March (UK) the gap is seven hours, not eight.
    expect(week("2026-03-10").map((slot) => formatTime(slot.startsAt, london))).toEqual(["4:00 PM", "9:00 PM"]);
    // After both: back to eight hours (PDT and BST).
    expect(week("2026-03-30").map((slot) => formatTime(slot.startsAt, london))).toEqual(["5:00 PM", "10:00 PM"]);
    // The autumn mismatch: the UK goes back on 25 October, the US on 1 November.
    expect(week("2026-10-27").map((slot) => formatTime(slot.startsAt, london))).toEqual(["4:00 PM", "9:00 PM"]);
  });

  it("shows a visitor in Kolkata half-hour times, and an afternoon slot on their next day", () => {
    const kolkata = "Asia/Kolkata";
    const slots = week("2026-03-02");
    expect(slots.map((slot) => formatTime(slot.startsAt, kolkata))).toEqual(["10:30 PM", "3:30 AM"]);
    const days = groupSlotsByDay(slots, kolkata);
    expect(days.map((day) => [day.day, day.slots.length])).toEqual([
      ["2026-03-02", 1],
      ["2026-03-03", 1],
    ]);
    // After the US change, Kolkata (no DST) sees every slot an hour earlier.
    expect(week("2026-03-09").map((slot) => formatTime(slot.startsAt, kolkata))).toEqual(["9:30 PM", "2:30 AM"]);
  });

  it("follows Adelaide's half-hour offset across its own clock change (5 April 2026)", () => {
    const adelaide = "Australia/Adelaide";
    // March: ACDT (UTC+10:30) and PDT: 9:00 PDT = 16:00 UTC = 2:30 AM next day.
    expect(week("2026-03-30").map((slot) => formatTime(slot.startsAt, adelaide))).toEqual(["2:30 AM", "7:30 AM"]);
    // April, after Adelaide goes back to ACST (UTC+9:30).
    expect(week("2026-04-06").map((slot) => formatTime(slot.startsAt, adelaide))).toEqual(["1:30 AM", "6:30 AM"]);
    expect(groupSlotsByDay(week("2026-04-06"), adelaide).map((day) => day.day)).toEqual(["2026-04-07"]);
  });
});

describe("expandSlots and what is already booked", () => {
  const day = "2026-06-10";
  const intake: SlotRule = { ...hourly, durationMinutes: 50, bufferBeforeMinutes: 10, bufferAfterMinutes: 10, startEveryMinutes: 30 };
  const longMorning = rules({ weekly: everyDay([[h(9), h(13)]]) });
  const at = (clock: string) => localTimeToInstant(day, h(Number(clock.slice(0, 2)), Number(clock.slice(3))), LA)!;
  const local = (slots: { startsAt: Date }[]) => slots.map((slot) => formatTime(slot.startsAt, LA));

  it("leaves out every start whose time with buffers overlaps a booking's time with buffers", () => {
    const booked = heldRange(intake, at("10:00"));
    const slots = slotsOn(day, { rules: longMorning, sessionType: intake, busy: [{ from: booked.blockedFrom, until: booked.blockedUntil }] });
    // The 10:00 booking holds 9:50–11:00. 9:00 (held 8:50–10:00) overlaps it; so does 11:00 (held from 10:50).
    expect(local(slots)).toEqual(["11:30 AM", "12:00 PM"]);
    const free = ["9:00 AM", "9:30 AM", "10:00 AM", "10:30 AM", "11:00 AM", "11:30 AM", "12:00 PM"];
    expect(local(slotsOn(day, { rules: longMorning, sessionType: intake }))).toEqual(free);
  });

  it("allows a slot whose hold only touches a booking's hold", () => {
    const noBuffers: SlotRule = { ...intake, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, durationMinutes: 30 };
    const booked = heldRange(noBuffers, at("10:00"));
    const slots = slotsOn(day, { rules: longMorning, sessionType: noBuffers, busy: [{ from: booked.blockedFrom, until: booked.blockedUntil }] });
    expect(local(slots)).toEqual(["9:00 AM", "9:30 AM", "10:30 AM", "11:00 AM", "11:30 AM", "12:00 PM", "12:30 PM"]);
  });

  it("offers nothing inside the minimum notice or beyond the horizon", () => {
    const now = at("09:10");
    const withNotice = expandSlots({ rules: longMorning, sessionType: { ...intake, minimumNoticeHours: 1 }, busy: [], now, timeZone: LA });
    expect(withNotice[0]!.startsAt).toEqual(at("10:30"));
    const horizon = expandSlots({ rules: longMorning, sessionType: { ...intake, horizonDays: 2 }, busy: [], now, timeZone: LA });
    expect(horizon.at(-1)!.startsAt.getTime()).toBeLessThan(now.getTime() + 2 * 86_400_000);
    expect(new Set(horizon.map((slot) => slot.startsAt.toISOString().slice(0, 10))).size).toBe(3);
  });

  it("gives a 90-day horizon of a typical week in order, without duplicates", () => {
    const slots = expandSlots({ rules: rules(), sessionType: { ...intake, horizonDays: 90 }, busy: [], now: new Date("2026-02-01T00:00:00Z"), timeZone: LA });
    expect(slots.length).toBe(90 * 2);
    const starts = iso(slots);
    expect([...starts].sort()).toEqual(starts);
  });
});

describe("rangesOnDay", () => {
  const base = rules();

  it("uses the weekly hours, an override instead of them, and nothing on time off", () => {
    expect(rangesOnDay(base, "2026-06-10")).toHaveLength(2);
    const withOverride = { ...base, overrides: [{ day: "2026-06-10", ranges: [{ startMinute: h(18), endMinute: h(20) }] }] };
    expect(rangesOnDay(withOverride, "2026-06-10")).toEqual([{ startMinute: h(18), endMinute: h(20) }]);
    const closed = { ...base, overrides: [{ day: "2026-06-10", ranges: [] }] };
    expect(rangesOnDay(closed, "2026-06-10")).toEqual([]);
    const away = { ...withOverride, timeOff: [{ startsOn: "2026-06-08", endsOn: "2026-06-12" }] };
    expect(rangesOnDay(away, "2026-06-10")).toEqual([]);
    expect(rangesOnDay(away, "2026-06-12")).toEqual([]);
    expect(rangesOnDay(away, "2026-06-13")).toHaveLength(2);
  });
});

describe("nearestSlots", () => {
  it("picks the free times closest to the one that was taken, earliest first", () => {
    const slots = slotsOn("2026-06-10", { rules: rules({ weekly: everyDay([[h(9), h(17)]]) }) });
    const near = nearestSlots(slots, localTimeToInstant("2026-06-10", h(12), LA)!, 3);
    expect(near.map((slot) => formatTime(slot.startsAt, LA))).toEqual(["11:00 AM", "12:00 PM", "1:00 PM"]);
  });
});
