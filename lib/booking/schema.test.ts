import { describe, expect, it } from "vitest";
import { refusesEach } from "@/lib/testing/schema-cases";
import { bookingRequestSchema, heardAboutLabel } from "./schema";

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
};

describe("bookingRequestSchema", () => {
  it("accepts a complete request and drops empty optional answers", () => {
    expect(bookingRequestSchema.parse({ ...valid, phone: " ", whatBringsYou: "" })).toEqual({ ...valid, phone: undefined, whatBringsYou: undefined });
  });

  it("takes a payment group with nothing chosen (null from the browser's form, absent from a plain post) as no answer", () => {
    for (const payment of [null, undefined, ""]) {
      expect(bookingRequestSchema.parse({ ...valid, payment, insurancePlan: "" })).toMatchObject({ payment: undefined, insurancePlan: undefined });
    }
  });

  it("keeps the plan's name only with insurance", () => {
    expect(bookingRequestSchema.parse({ ...valid, payment: "insurance", insurancePlan: " CareOregon " })).toMatchObject({ payment: "insurance", insurancePlan: "CareOregon" });
    expect(bookingRequestSchema.parse({ ...valid, payment: "self-pay", insurancePlan: "CareOregon" })).toMatchObject({ payment: "self-pay", insurancePlan: undefined });
    expect(bookingRequestSchema.safeParse({ ...valid, payment: "insurance", insurancePlan: "" }).error?.issues.map((issue) => issue.path)).toEqual([["insurancePlan"]]);
  });

  refusesEach(bookingRequestSchema, valid, {
    name: {
      "a name with a line break": "Ana\r\nBcc: x@example.com",
      "a NUL in the name": "Ana\u0000",
    },
    location: {
      "an unknown location": "Narnia",
    },
    format: {
      "an unknown format": "carrier pigeon",
    },
    whatBringsYou: {
      "a 'what brings you' over 500 characters": "x".repeat(501),
      "a NUL in what brings you": "sleep\u0000",
    },
    timeZone: {
      "a made-up time zone": "Mars/Olympus_Mons",
    },
    startsAt: {
      "a time that is not a time": "tomorrow-ish",
      "a time at the end of what a date can hold": "9999-12-31T17:00:00.000Z",
      "a time in year zero": "0000-01-01T00:00:00Z",
    },
    consent: {
      "no consent": "no",
    },
    heardAbout: {
      "an answer that is not offered": "billboard",
    },
  });

  it("books without an answer to how they heard, kept as 'rather not say'", () => {
    expect(bookingRequestSchema.parse({ ...valid, heardAbout: "" }).heardAbout).toBe("prefer-not-to-say");
    expect(bookingRequestSchema.parse({ ...valid, heardAbout: undefined }).heardAbout).toBe("prefer-not-to-say");
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

describe("how she heard of the practice", () => {
  it("reads in the words the form showed, and an unknown stored value as itself", () => {
    expect(heardAboutLabel("friend")).toBe("A friend or family member");
    expect(heardAboutLabel("prefer-not-to-say")).toBe("I'd rather not say");
    expect(heardAboutLabel("legacy")).toBe("legacy");
  });
});
