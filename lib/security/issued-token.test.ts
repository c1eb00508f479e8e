import { describe, expect, it } from "vitest";
import { randomToken, sha256 } from "./hash";
import { isIssuedToken } from "./issued-token";

describe("isIssuedToken", () => {
  it("accepts every kind of token the practice issues", () => {
    expect(isIssuedToken(randomToken())).toBe(true);
    expect(isIssuedToken(sha256("manage-booking:an id"))).toBe(true);
  });

  it("refuses anything else before it is looked up or put in an address", () => {
    for (const value of [undefined, null, 42, "", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}/`, `${"a".repeat(42)}=`, "../../admin".padEnd(43, "a")]) {
      expect(isIssuedToken(value), String(value)).toBe(false);
    }
  });
});
