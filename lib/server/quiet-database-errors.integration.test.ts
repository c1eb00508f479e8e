import { format } from "node:util";
import { lt } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { busyTimes } from "@/db/schema";
import { isDatabaseError, quietDatabaseErrorsInLogs } from "./quiet-database-errors";

/** The error /book/request once let escape: a start in the year 10000, sent to the database as a parameter. */
async function databaseRefusal() {
  const db = await getDb();
  try {
    await db.select().from(busyTimes).where(lt(busyTimes.startsAt, new Date("+010000-01-01T18:05:00.001Z")));
  } catch (error) {
    return error;
  }
  throw new Error("the database took a year past 9999");
}

describe("database errors in the log", () => {
  // Installed over a spy, so what reaches the console is what the spy records.
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const warned = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  quietDatabaseErrorsInLogs();
  afterAll(() => {
    logged.mockRestore();
    warned.mockRestore();
  });

  it("carry their class and SQLSTATE, never the query or its parameters", async () => {
    const error = Object.assign((await databaseRefusal()) as Error, { digest: "3484223184" });
    expect(format(error)).toContain("+010000");
    expect(isDatabaseError(error)).toBe(true);

    console.error("⨯", error);
    console.warn(error);
    const written = [...logged.mock.calls, ...warned.mock.calls].map((args) => format(...args)).join("\n");
    expect(written).not.toContain("+010000");
    expect(written).not.toContain("busy_time");
    expect(written).toMatch(/database error: \w+ \(22\w{3}\) \(digest 3484223184\)/);
  });

  it("leave every other argument as it was", () => {
    const plain = new Error("Invalid Server Actions request.");
    console.error("⨯", plain, { n: 1 });
    expect(isDatabaseError(plain)).toBe(false);
    expect(logged.mock.calls.at(-1)).toEqual(["⨯", plain, { n: 1 }]);
  });
});
