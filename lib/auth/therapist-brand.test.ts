import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Therapist } from "./guards";

/*
 * A Therapist is the guard's proof that she came through the door: only
 * lib/auth/guards.ts can make one. The first half is checked by the type
 * checker (npm run typecheck compiles this file): each line below would
 * compile if a Therapist could be made elsewhere, and then its
 * @ts-expect-error would itself be the error. The second half catches the
 * one thing the type checker allows, a cast.
 */

const fields = { email: "maya@stillwater.example", userId: "00000000-0000-4000-8000-000000000001", sessionKey: "key" };

// @ts-expect-error the fields alone are not a Therapist
export const madeByHand: Therapist = { email: fields.email, userId: fields.userId, sessionKey: fields.sessionKey };

// @ts-expect-error nor is an object of the same shape from anywhere else
export const passedOn: Therapist = fields;

type ConfirmBooking = typeof import("@/lib/booking/decisions").confirmBooking;
type ScheduleIssue = typeof import("@/lib/newsletter/schedule").scheduleIssue;

/** Never run: the type checker reads it. */
export function privateFunctionsRefuseAnythingElse(confirmBooking: ConfirmBooking, scheduleIssue: ScheduleIssue) {
  // @ts-expect-error lib/booking refuses what the guard did not make
  void confirmBooking({ email: fields.email }, fields.userId);
  // @ts-expect-error and so does lib/newsletter, which used to ignore its therapist
  void scheduleIssue(fields, fields.userId, new Date());
}

const ROOTS = ["app", "components", "lib", "scripts", "bench", "db"];
const ALLOWED = [path.join("lib", "auth", "guards.ts"), `lib${path.sep}testing${path.sep}`];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("the Therapist brand", () => {
  it("is cast to nowhere but the guard and the test-only door in lib/testing", () => {
    const casts = ROOTS.flatMap((root) => sourceFiles(root))
      .filter((file) => !ALLOWED.some((allowed) => file === allowed || file.startsWith(allowed)))
      .filter((file) => /\bas\s+(unknown\s+as\s+)?Therapist\b|<Therapist>\s*[{(]/.test(readFileSync(file, "utf8")));
    expect(casts).toEqual([]);
  });
});
