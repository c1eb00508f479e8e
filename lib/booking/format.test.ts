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
