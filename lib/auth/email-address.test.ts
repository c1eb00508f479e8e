import { describe, expect, it } from "vitest";
import { normaliseEmailAddress } from "./email-address";

describe("normaliseEmailAddress", () => {
  it("trims and lower-cases", () => {
    expect(normaliseEmailAddress("  Maya@StillWater.Example \n")).toBe("maya@stillwater.example");
  });

  it("folds compatibility characters with NFKC before comparing", () => {
    // Fullwidth letters and a fullwidth @ become their ASCII forms.
    expect(normaliseEmailAddress("ｍａｙａ＠stillwater.example")).toBe("maya@stillwater.example");
  });

  it("refuses look-alikes that stay outside ASCII", () => {
    expect(normaliseEmailAddress("mаya@stillwater.example")).toBeNull(); // Cyrillic а
    expect(normaliseEmailAddress("maya@stillwаter.example")).toBeNull();
    expect(normaliseEmailAddress("maya\u200b@stillwater.example")).toBeNull(); // zero-width space
  });

  it("refuses what is not one plain address", () => {
    for (const raw of [
      "",
      "maya",
      "maya@",
      "@stillwater.example",
      "maya@stillwater",
      "maya@@stillwater.example",
      '"maya"@stillwater.example',
      "maya@stillwater.example,eve@evil.example",
      "maya@stillwater.example eve@evil.example",
      "maya@[127.0.0.1]",
      ".maya@stillwater.example",
      `${"a".repeat(250)}@b.example`,
    ]) {
      expect(normaliseEmailAddress(raw), raw).toBeNull();
    }
  });
});
