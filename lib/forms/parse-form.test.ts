import { describe, expect, it } from "vitest";
import { readSubmittedForm, valuesToKeep } from "./parse-form";

describe("readSubmittedForm", () => {
  it("separates the person's fields from React's, the honeypot and the form key", () => {
    const form = new FormData();
    form.append("$ACTION_ID_0123", "");
    form.append("$ACTION_REF_1", "");
    form.append("formKey", "key");
    form.append("website", "");
    form.append("name", "Ana");
    expect(readSubmittedForm(form)).toEqual({ fields: { name: "Ana" }, formKey: "key", honeypotFilled: false, malformed: [] });
  });

  it("notices a filled honeypot, a repeated field and a file", () => {
    const form = new FormData();
    form.append("website", "spam");
    form.append("name", "Ana");
    form.append("name", "Bob");
    form.append("message", new Blob(["x"]), "x.txt");
    const read = readSubmittedForm(form);
    expect(read.honeypotFilled).toBe(true);
    expect(read.malformed).toEqual(["name", "message"]);
  });

  it("keeps only the form's own fields, capped in size", () => {
    expect(valuesToKeep({ name: "Ana", extra: "x", message: "y".repeat(20) }, ["name", "message"], 5)).toEqual({ name: "Ana", message: "yyyyy" });
  });
});
