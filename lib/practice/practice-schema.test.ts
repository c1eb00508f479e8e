import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import rawPractice from "@/content/practice";
import { mapHref, officeAddress, phoneForPeople, phoneHref } from "./contact";
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
    ["a photo from another site", { therapist: { ...rawPractice.therapist, photo: { ...rawPractice.therapist.photo, src: "https://example.com/me.jpg" } } }, /therapist\.photo\.src: use a path under public\//],
    ["fees without a sliding scale", { fees: { ...rawPractice.fees, slidingScale: [] } }, /fees\.slidingScale/],
    ["a session type with no format", { booking: { ...rawPractice.booking, sessionTypes: [{ ...rawPractice.booking.sessionTypes[0], formats: [] }] } }, /booking\.sessionTypes\.0\.formats: offer at least one format/],
  ])("stops with a message naming %s", (_field, override, message) => {
    expect(() => parsePractice({ ...rawPractice, ...override })).toThrow(PracticeConfigError);
    expect(() => parsePractice({ ...rawPractice, ...override })).toThrow(message);
  });
});

describe("the practice as visitors reach it", () => {
  it("has a photo in public/ of the size the page reserves for it", () => {
    const { photo } = parsePractice(rawPractice).therapist;
    // The demo's photo is a PNG: its width and height sit in the IHDR chunk at bytes 16–23.
    const file = readFileSync(path.join("public", photo.src));
    expect(photo.src).toMatch(/\.png$/);
    expect([file.readUInt32BE(16), file.readUInt32BE(20)]).toEqual([photo.width, photo.height]);
  });

  it("writes the phone as an American reads it and dials it from anywhere", () => {
    expect(phoneForPeople("+1 503 555 0142")).toBe("(503) 555-0142");
    expect(phoneForPeople("+44 20 7946 0958")).toBe("+44 20 7946 0958");
    expect(phoneHref("+1 503 555 0142")).toBe("tel:+15035550142");
  });

  it("links the office to a map search, not an embed", () => {
    const practice = parsePractice(rawPractice);
    expect(officeAddress(practice)).toEqual(["2240 SE Division Street, Suite 3", "Portland, OR 97202"]);
    expect(mapHref(practice)).toBe("https://www.openstreetmap.org/search?query=2240%20SE%20Division%20Street%2C%20Suite%203%2C%20Portland%2C%20OR%2097202");
  });
});
