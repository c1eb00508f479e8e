import { describe, expect, it } from "vitest";
import { emailAddress, oneLineText, optionalPhone, proseText } from "./fields";

const name = oneLineText(100, { required: "Please tell us your name.", tooLong: "Too long." });
const message = proseText(500, { required: "Please write a message.", tooLong: "Too long." });

describe("the field rules every form shares", () => {
  it.each([
    ["a NUL", "Ana\u0000"],
    ["a line break", "Ana\r\nBcc: eve@example.com"],
    ["a vertical tab", "A\u000bna"],
    ["a form feed", "A\u000cna"],
    ["NEL", "Ana\u0085"],
    ["ESC", "Ana\u001b[31m"],
    ["BEL", "Ana\u0007"],
    ["DEL", "Ana\u007f"],
    ["a line separator", "A\u2028na"],
    ["a zero-width space", "A\u200bna"],
    ["a right-to-left override", "Ana\u202e"],
    ["a lone surrogate", "Ana\ud800"],
    ["only zero-width characters", "\u200b\u200c\u200d"],
  ])("refuses a name with %s", (_label, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });

  it("keeps names that need a joiner, and accents", () => {
    expect(name.safeParse("Zoë Ní Bhriain").success).toBe(true);
    expect(name.safeParse("می\u200cخواهم").success).toBe(true);
  });

  it("lets prose keep its line breaks and tabs, but not NUL or other controls", () => {
    expect(message.safeParse("Hello,\r\n\tthank you.\nMaya").success).toBe(true);
    expect(message.safeParse("Hello\u0000").success).toBe(false);
    expect(message.safeParse("Hello\u001b").success).toBe(false);
  });

  it("refuses a phone number with a line break, a tab or a separator", () => {
    for (const phone of ["555\r\n0100", "555\t0100", "555\u20280100"]) expect(optionalPhone.safeParse(phone).success, phone).toBe(false);
    expect(optionalPhone.safeParse("+1 (503) 555-0100").success).toBe(true);
  });

  it("stores an address in its one normalised form, and refuses look-alikes and impossible addresses", () => {
    expect(emailAddress.parse("  Ada@Example.COM ")).toBe("ada@example.com");
    for (const address of ["ａｄａ＠example.com", "ada@exam\u0000ple.com", `${"a".repeat(65)}@example.com`, "ada@example-.com", "ada@example"]) {
      expect(emailAddress.safeParse(address).success, address).toBe(false);
    }
  });
});
