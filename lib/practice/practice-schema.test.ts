import { describe, expect, it } from "vitest";
import rawPractice from "@/content/practice";
import { PracticeConfigError, parsePractice } from "./practice-schema";

describe("the practice configuration", () => {
  it("accepts the demo practice", () => {
    expect(parsePractice(rawPractice).timeZone).toBe("America/Los_Angeles");
  });

  it.each([
    ["timeZone", { timeZone: "Pacific/Atlantis" }, /timeZone: not an IANA time zone/],
    ["licensedStates", { licensedStates: ["Oregon"] }, /licensedStates\.0: use a two-letter state code/],
    ["contactEmail", { contactEmail: "not-an-email" }, /contactEmail:/],
    ["crisisLines", { crisisLines: [] }, /crisisLines: list at least one crisis line/],
    ["senders.visitors", { senders: { ...rawPractice.senders, visitors: "hello@example.com" } }, /senders\.visitors: use the form/],
    ["an unknown key", { colour: "blue" }, /\(root\)|colour/],
    [
      "overlapping weekly hours",
      { booking: { ...rawPractice.booking, weeklyHours: { ...rawPractice.booking.weeklyHours, monday: [{ start: "09:00", end: "12:00" }, { start: "11:30", end: "13:00" }] } } },
      /booking\.weeklyHours\.monday\.1: 11:30–13:00 overlaps 09:00–12:00/,
    ],
    [
      "a range that ends before it starts",
      { booking: { ...rawPractice.booking, weeklyHours: { ...rawPractice.booking.weeklyHours, friday: [{ start: "13:00", end: "09:00" }] } } },
      /booking\.weeklyHours\.friday\.0: 13:00–09:00 ends before it starts/,
    ],
    ["a clock time that is not one", { booking: { ...rawPractice.booking, weeklyHours: { ...rawPractice.booking.weeklyHours, sunday: [{ start: "9am", end: "17:00" }] } } }, /booking\.weeklyHours\.sunday\.0\.start: use 24-hour/],
    ["two session types with one slug", { booking: { ...rawPractice.booking, sessionTypes: [rawPractice.booking.sessionTypes[0], rawPractice.booking.sessionTypes[0]] } }, /booking\.sessionTypes: give each session type its own slug/],
    ["a session type with no format", { booking: { ...rawPractice.booking, sessionTypes: [{ ...rawPractice.booking.sessionTypes[0], formats: [] }] } }, /booking\.sessionTypes\.0\.formats: offer at least one format/],
  ])("stops with a message naming %s", (_field, override, message) => {
    expect(() => parsePractice({ ...rawPractice, ...override })).toThrow(PracticeConfigError);
    expect(() => parsePractice({ ...rawPractice, ...override })).toThrow(message);
  });
});
