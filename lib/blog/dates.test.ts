import { describe, expect, it } from "vitest";
import { formatCalendarDate, isCalendarDate, startOfDayIn } from "./dates";

describe("startOfDayIn", () => {
  it("starts a Portland day at 07:00 UTC in summer and 08:00 UTC in winter", () => {
    expect(startOfDayIn("2026-09-01", "America/Los_Angeles").toISOString()).toBe("2026-09-01T07:00:00.000Z");
    expect(startOfDayIn("2026-12-01", "America/Los_Angeles").toISOString()).toBe("2026-12-01T08:00:00.000Z");
  });

  it("is right on the days the clocks change", () => {
    // 2026-03-08: clocks go forward at 02:00, after midnight; midnight is still PST.
    expect(startOfDayIn("2026-03-08", "America/Los_Angeles").toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(startOfDayIn("2026-03-09", "America/Los_Angeles").toISOString()).toBe("2026-03-09T07:00:00.000Z");
    // 2026-11-01: clocks go back at 02:00; midnight is still PDT.
    expect(startOfDayIn("2026-11-01", "America/Los_Angeles").toISOString()).toBe("2026-11-01T07:00:00.000Z");
    expect(startOfDayIn("2026-11-02", "America/Los_Angeles").toISOString()).toBe("2026-11-02T08:00:00.000Z");
  });

  it("finds the first instant of a day whose midnight does not exist", () => {
    // Santiago springs forward at 00:00 on 2026-09-06, so that day starts at 01:00 local (04:00 UTC).
    expect(startOfDayIn("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("works east of UTC too", () => {
    expect(startOfDayIn("2026-01-15", "Asia/Tokyo").toISOString()).toBe("2026-01-14T15:00:00.000Z");
  });

  it("refuses a day that does not exist", () => {
    expect(() => startOfDayIn("2026-02-30", "UTC")).toThrow(RangeError);
  });
});

describe("isCalendarDate", () => {
  it.each([
    ["2026-09-01", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["2026-9-1", false],
    ["1 September 2026", false],
  ])("%s → %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe("formatCalendarDate", () => {
  it("names the day written, whatever the server's zone", () => {
    expect(formatCalendarDate("2026-09-01", "en-US")).toBe("September 1, 2026");
  });
});
