import { describe, expect, it } from "vitest";
import { bookingRequestSchema } from "./schema";

const valid = {
  sessionType: "intake",
  startsAt: "2026-03-10T16:00:00.000Z",
  timeZone: "Europe/London",
  name: "Ana Ruiz",
  email: "ana@example.com",
  location: "OR",
  format: "telehealth",
  heardAbout: "blog",
  consent: "yes",
  notEmergency: "yes",
};

describe("bookingRequestSchema", () => {
  it("accepts a complete request and drops empty optional answers", () => {
    expect(bookingRequestSchema.parse({ ...valid, phone: " ", whatBringsYou: "" })).toEqual({ ...valid, phone: undefined, whatBringsYou: undefined });
  });

  it.each([
    ["a name with a line break", { name: "Ana\r\nBcc: x@example.com" }, "name"],
    ["an unknown location", { location: "Narnia" }, "location"],
    ["an unknown format", { format: "carrier pigeon" }, "format"],
    ["a 'what brings you' over 500 characters", { whatBringsYou: "x".repeat(501) }, "whatBringsYou"],
    ["a made-up time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["a time that is not a time", { startsAt: "tomorrow-ish" }, "startsAt"],
    ["no consent", { consent: "no" }, "consent"],
    ["no emergency acknowledgement", { notEmergency: undefined }, "notEmergency"],
    ["no answer about how they heard", { heardAbout: "" }, "heardAbout"],
  ])("refuses %s", (_label, override, field) => {
    const result = bookingRequestSchema.safeParse({ ...valid, ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it("accepts exactly 500 characters of 'what brings you'", () => {
    expect(bookingRequestSchema.safeParse({ ...valid, whatBringsYou: "x".repeat(500) }).success).toBe(true);
  });

  it("accepts a location outside the licensed states: the server explains, the schema does not", () => {
    expect(bookingRequestSchema.safeParse({ ...valid, location: "NY" }).success).toBe(true);
    expect(bookingRequestSchema.safeParse({ ...valid, location: "outside-us" }).success).toBe(true);
  });

  it("refuses fields the form does not have", () => {
    expect(bookingRequestSchema.safeParse({ ...valid, status: "confirmed" }).success).toBe(false);
  });
});
