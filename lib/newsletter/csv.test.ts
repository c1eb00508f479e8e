import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("CSV cells", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.example\",\"click\")", `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ["+1 503 555 0100", `"'+1 503 555 0100"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1:A2)", `"'@SUM(A1:A2)"`],
    ["\tcmd", `"'\tcmd"`],
    ["\r=1", `"'\r=1"`],
    ["ana@example.com", `"ana@example.com"`],
    ['say "hi", then go', `"say ""hi"", then go"`],
  ])("escapes %j so a spreadsheet shows it as text", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes empty cells for missing values and ISO times for dates", () => {
    expect(csvRow([null, undefined, new Date("2026-11-01T10:00:00Z"), 3])).toBe(`"","","2026-11-01T10:00:00.000Z","3"`);
  });
});
