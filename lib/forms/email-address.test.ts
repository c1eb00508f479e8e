import { describe, expect, it } from "vitest";
import { mailboxKey, normaliseEmailAddress } from "./email-address";

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

describe("normaliseEmailAddress: the limits of an address", () => {
  it("refuses a local part over 64 characters and a label over 63 or ending in a hyphen", () => {
    expect(normaliseEmailAddress(`${"a".repeat(64)}@example.com`)).not.toBeNull();
    expect(normaliseEmailAddress(`${"a".repeat(65)}@example.com`)).toBeNull();
    expect(normaliseEmailAddress(`ada@${"b".repeat(63)}.example`)).not.toBeNull();
    expect(normaliseEmailAddress(`ada@${"b".repeat(64)}.example`)).toBeNull();
    expect(normaliseEmailAddress("ada@example-.com")).toBeNull();
    expect(normaliseEmailAddress("ada@-example.com")).toBeNull();
  });
});

describe("mailboxKey", () => {
  it("counts plus-addressed variants as one mailbox", () => {
    expect(mailboxKey("v+1@example.com")).toBe("v@example.com");
    expect(mailboxKey("v+2@example.com")).toBe("v@example.com");
    expect(mailboxKey("v@example.com")).toBe("v@example.com");
    expect(mailboxKey("+tag@example.com")).toBe("+tag@example.com");
  });

  it("folds dots at Gmail, and googlemail.com into gmail.com, but nowhere else", () => {
    for (const variant of ["victim@gmail.com", "v.ictim@gmail.com", "vi.ct.im@gmail.com", "v.i.c.t.i.m+x@gmail.com", "vic.tim@googlemail.com"]) {
      expect(mailboxKey(variant)).toBe("victim@gmail.com");
    }
    expect(mailboxKey("v.ictim@example.com")).toBe("v.ictim@example.com");
    expect(mailboxKey("v.ictim@gmail.com.example")).toBe("v.ictim@gmail.com.example");
    expect(mailboxKey("v.ictim@mail.gmail.com")).toBe("v.ictim@mail.gmail.com");
  });
});
