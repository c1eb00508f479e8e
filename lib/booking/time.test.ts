import { describe, expect, it } from "vitest";
import { addDays, dayInZone, localTimeToInstant, wallClockOf, weekdayOf } from "./time";

describe("wallClockOf", () => {
  // Zones whose rules differ: US and UK dates, a half-hour zone, a half-hour DST shift (Lord Howe), a change at midnight (Santiago).
  const zones = ["America/Los_Angeles", "Europe/London", "Asia/Kolkata", "Australia/Adelaide", "Australia/Lord_Howe", "America/Santiago"];

  it.each(zones)("agrees with Luxon on every day of 2026 in %s", (zone) => {
    for (let day = "2026-01-01"; day <= "2026-12-31"; day = addDays(day, 1)) {
      const fast = wallClockOf(day, zone);
      for (const minute of [0, 30, 90, 150, 9 * 60, 13 * 60 + 45, 23 * 60 + 30, 24 * 60]) {
        expect(fast(minute)?.toISOString() ?? null, `${day} +${minute}min`).toBe(localTimeToInstant(day, minute, zone)?.toISOString() ?? null);
      }
    }
  });
});

describe("calendar days", () => {
  it("counts weekdays and days without a zone", () => {
    expect(weekdayOf("2026-03-08")).toBe(7);
    expect(weekdayOf("2026-03-09")).toBe(1);
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(dayInZone(new Date("2026-03-09T07:30:00Z"), "America/Los_Angeles")).toBe("2026-03-09");
    expect(dayInZone(new Date("2026-03-09T06:30:00Z"), "America/Los_Angeles")).toBe("2026-03-08");
  });
});
