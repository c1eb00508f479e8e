import { describe, expect, it } from "vitest";
import { formatAppointment, formatLength } from "./format";

describe("an appointment's start, end and length", () => {
  it("says both ends and the length in the visitor's zone, the meridiem once when both ends share it", () => {
    const text = formatAppointment(new Date("2026-12-08T18:00:00Z"), new Date("2026-12-08T18:50:00Z"), "America/Los_Angeles");
    expect(text.replace(/\s/gu, " ")).toBe("Tuesday, December 8, 2026, 10:00 – 10:50 AM Pacific Time (50 minutes)");
  });

  it("says each meridiem when the session crosses noon", () => {
    const text = formatAppointment(new Date("2026-12-08T19:30:00Z"), new Date("2026-12-08T20:20:00Z"), "America/Los_Angeles");
    expect(text.replace(/\s/gu, " ")).toContain("11:30 AM – 12:20 PM Pacific Time");
  });

  it.each([
    [20, "20 minutes"],
    [60, "1 hour"],
    [75, "1 hour 15 minutes"],
    [120, "2 hours"],
  ])("says %i minutes as %s", (minutes, said) => {
    expect(formatLength(minutes)).toBe(said);
  });
});

describe("short days and ranges of days", () => {
  it("says a day off or a span of days in words", async () => {
    const { formatClock, formatDayRange, formatShortDay } = await import("./format");
    expect(formatShortDay("2026-12-24")).toBe("Thu 24 Dec");
    expect(formatDayRange("2026-12-24", "2027-01-01")).toBe("Thu 24 Dec – Fri 1 Jan");
    expect(formatDayRange("2026-12-24", "2026-12-24")).toBe("Thu 24 Dec");
    expect(formatDayRange("2026-12-24", "2027-01-01", { thisYear: 2026 })).toBe("Thu 24 Dec – Fri 1 Jan 2027");
    expect([formatClock(9 * 60), formatClock(12 * 60 + 30), formatClock(0), formatClock(24 * 60)]).toEqual(["9:00 AM", "12:30 PM", "12:00 AM", "midnight"]);
  });
});
