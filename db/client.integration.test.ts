import { describe, expect, it } from "vitest";
import { getDb, prepareDatabase } from "@/db/client";

describe("start-up work on the database while requests are taken (npm run dev)", () => {
  it("holds every other caller of getDb() until the work is over, and never the work itself", async () => {
    const order: string[] = [];
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const work = prepareDatabase(async () => {
      await getDb();
      order.push("work opened the database");
      await gate;
      order.push("work done");
    });
    const request = getDb().then(() => order.push("request served"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(order).toEqual(["work opened the database"]);
    finish();
    await Promise.all([work, request]);
    expect(order).toEqual(["work opened the database", "work done", "request served"]);
    // Once over, nothing waits.
    await expect(getDb()).resolves.toBeDefined();
  });
});
