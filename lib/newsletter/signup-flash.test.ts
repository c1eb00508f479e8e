import { describe, expect, it } from "vitest";
import { decodeSignupFlash, encodeSignupFlash } from "./signup-flash";

describe("the refused-signup cookie", () => {
  it("carries the problems and what was typed", () => {
    const state = { status: "invalid" as const, fieldErrors: { email: ["Please enter an email address like name@example.com."] }, values: { email: "sam@", firstName: "Sam" } };
    expect(decodeSignupFlash(encodeSignupFlash(state))).toEqual(state);
  });

  it("keeps long values short enough for a cookie", () => {
    const encoded = encodeSignupFlash({ status: "invalid", fieldErrors: { firstName: ["Too long"] }, values: { firstName: "a".repeat(10_000) } });
    expect(encoded.length).toBeLessThan(1000);
  });

  it.each([undefined, "", "not base64 json", Buffer.from('{"values":{"isAdmin":"yes"},"fieldErrors":{}}').toString("base64url")])(
    "reads a missing or tampered cookie (%j) as nothing",
    (raw) => {
      expect(decodeSignupFlash(raw)).toEqual({ status: "idle" });
    },
  );
});
