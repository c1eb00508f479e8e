import { describe, expect, it } from "vitest";
import { contactMessageSchema } from "./schema";

const valid = { name: "Ana", email: "ana@example.com", preferredContact: "email", message: "Hi", consent: "yes" };

describe("contactMessageSchema", () => {
  it("trims what was typed and drops an empty phone", () => {
    expect(contactMessageSchema.parse({ ...valid, name: "  Ana  ", phone: "  " })).toEqual({ ...valid, phone: undefined });
  });

  it.each([
    ["a name with a line break", { name: "Ana\nBcc: x@example.com" }, "name"],
    ["a name with a Unicode line separator", { name: "Ana\u2028Bcc" }, "name"],
    ["an address without a domain", { email: "ana@" }, "email"],
    ["a phone with letters", { phone: "call me" }, "phone"],
    ["an unknown way to be contacted", { preferredContact: "carrier pigeon" }, "preferredContact"],
    ["a message over 5,000 characters", { message: "x".repeat(5001) }, "message"],
    ["consent not given", { consent: "no" }, "consent"],
  ])("refuses %s", (_label, override, field) => {
    const result = contactMessageSchema.safeParse({ ...valid, ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it("refuses fields the form does not have", () => {
    expect(contactMessageSchema.safeParse({ ...valid, role: "admin" }).success).toBe(false);
  });

  it("asks for a phone number only when phone is the preferred way", () => {
    expect(contactMessageSchema.safeParse({ ...valid, preferredContact: "phone" }).error?.issues[0]?.path).toEqual(["phone"]);
    expect(contactMessageSchema.safeParse({ ...valid, preferredContact: "phone", phone: "+1 503 555 0100" }).success).toBe(true);
  });
});
