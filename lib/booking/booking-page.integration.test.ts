import { describe, expect, it } from "vitest";
import { NOW, WEDNESDAY, at } from "@/lib/testing/booking-fixtures";
import { requestPage } from "./booking-page";

describe("the intake form's page", () => {
  it("answers a start no booking page offers as not available, without searching the database around it", async () => {
    // Each of these once reached the database as a timestamp parameter (±7 days) and ended in a 500.
    for (const start of ["9999-12-31T17:00:00.000Z", "+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "0000-01-01T00:00:00Z", "2000-01-01T00:00:00Z"]) {
      await expect(requestPage({ type: "intake", start }, NOW), start).resolves.toMatchObject({ status: "not-available" });
    }
    // Past the consultation's 30-day horizon, though inside the intake's 60.
    const inFiveWeeks = new Date(NOW.getTime() + 35 * 24 * 60 * 60 * 1000).toISOString();
    await expect(requestPage({ type: "consultation", start: inFiveWeeks }, NOW)).resolves.toMatchObject({ status: "not-available" });
    await expect(requestPage({ type: "intake", start: inFiveWeeks }, NOW)).resolves.toMatchObject({ status: "ok" });
  });

  it("still offers a time inside the window, and the nearest free ones for a time just gone", async () => {
    await expect(requestPage({ type: "intake", start: at(WEDNESDAY, "12:00").toISOString() }, NOW)).resolves.toMatchObject({ status: "ok", free: true });
    const yesterday = new Date(NOW.getTime() - 24 * 60 * 60 * 1000).toISOString();
    const page = await requestPage({ type: "intake", start: yesterday }, NOW);
    expect(page).toMatchObject({ status: "ok", free: false });
    expect(page.status === "ok" && page.alternatives.length).toBeGreaterThan(0);
  });
});
