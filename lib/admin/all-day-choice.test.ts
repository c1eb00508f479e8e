import { describe, expect, it } from "vitest";
import { busyCalendarFormSchema } from "./booking-schemas";

describe("the box 'all-day events block the day'", () => {
  it("lets the form through ticked or not, as the browser's check sees it (false, or empty after a reset) and as the server does", () => {
    for (const allDayBusy of [false, "", "yes", undefined]) {
      expect(busyCalendarFormSchema.safeParse({ name: "Google", address: "https://calendar.example/basic.ics", allDayBusy }).success, String(allDayBusy)).toBe(true);
    }
    expect(busyCalendarFormSchema.safeParse({ name: "Google", address: "https://calendar.example/basic.ics", allDayBusy: "no" }).success).toBe(false);
  });
});
