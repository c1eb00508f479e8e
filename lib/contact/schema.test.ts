import { describe, expect, it } from "vitest";
import { refusesEach } from "@/lib/testing/schema-cases";
import { contactMessageSchema } from "./schema";

const valid = { name: "Ana", email: "ana@example.com", preferredContact: "email", message: "Hi", consent: "yes" };

describe("contactMessageSchema", () => {
  it("trims what was typed and drops an empty phone", () => {
    expect(contactMessageSchema.parse({ ...valid, name: "  Ana  ", phone: "  " })).toEqual({ ...valid, phone: undefined });
  });

  refusesEach(contactMessageSchema, valid, {
    name: {
      "a name with a line break": "Ana\nBcc: x@example.com",
      "a name with a Unicode line separator": "Ana\u2028Bcc",
    },
    email: {
      "an address without a domain": "ana@",
    },
    phone: {
      "a phone with letters": "call me",
    },
    preferredContact: {
      "an unknown way to be contacted": "carrier pigeon",
    },
    message: {
      "a message over 5,000 characters": "x".repeat(5001),
    },
    consent: {
      "consent not given": "no",
    },
  });

  it("refuses fields the form does not have", () => {
    expect(contactMessageSchema.safeParse({ ...valid, role: "admin" }).success).toBe(false);
  });

  it("asks for a phone number only when phone is the preferred way", () => {
    expect(contactMessageSchema.safeParse({ ...valid, preferredContact: "phone" }).error?.issues[0]?.path).toEqual(["phone"]);
    expect(contactMessageSchema.safeParse({ ...valid, preferredContact: "phone", phone: "+1 503 555 0100" }).success).toBe(true);
  });
});
