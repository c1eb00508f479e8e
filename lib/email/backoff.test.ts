import { describe, expect, it } from "vitest";
import { backoffSeconds } from "./dispatcher";

describe("backoffSeconds", () => {
  it("doubles from 30 seconds and stops at an hour", () => {
    expect([1, 2, 3, 4, 8, 9, 20].map(backoffSeconds)).toEqual([30, 60, 120, 240, 3600, 3600, 3600]);
  });
});
