import { describe, expect, it } from "vitest";
import { compareMigrations } from "./health";

const hashes = (...names: string[]) => names.map((hash) => ({ hash }));

describe("compareMigrations", () => {
  it("is current when the database holds exactly the shipped migrations, in order", () => {
    expect(compareMigrations(hashes("a", "b", "c"), hashes("a", "b", "c"))).toBe("current");
  });

  it("is pending when the database lacks the newest", () => {
    expect(compareMigrations(hashes("a", "b", "c"), hashes("a", "b"))).toBe("pending");
    expect(compareMigrations(hashes("a"), [])).toBe("pending");
  });

  it("is ahead when a newer release migrated the database", () => {
    expect(compareMigrations(hashes("a", "b"), hashes("a", "b", "c"))).toBe("ahead");
  });

  it("is a mismatch when a shipped migration differs from the one applied", () => {
    expect(compareMigrations(hashes("a", "b", "c"), hashes("a", "x", "c"))).toBe("mismatch");
    expect(compareMigrations(hashes("a", "b"), hashes("x", "b", "c"))).toBe("mismatch");
  });
});
