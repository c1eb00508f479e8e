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
  ])("stops with a message naming %s", (_field, override, message) => {
    expect(() => parsePractice({ ...rawPractice, ...override })).toThrow(PracticeConfigError);
    expect(() => parsePractice({ ...rawPractice, ...override })).toThrow(message);
  });
});
