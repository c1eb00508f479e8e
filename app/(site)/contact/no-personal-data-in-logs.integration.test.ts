import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { sendContactMessageAction } from "./actions";

/** Every way a line can reach the server's log. */
function captureLogs() {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => {
    lines.push(args.map((arg) => (arg instanceof Error ? `${arg.name} ${arg.message} ${arg.stack}` : typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
  };
  for (const method of ["error", "warn", "log", "info", "debug", "trace"] as const) vi.spyOn(console, method).mockImplementation(keep);
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    });
  }
  return lines;
}

afterEach(async () => {
  vi.restoreAllMocks();
  const db = await getDb();
  await db.execute(sql`alter table contact_message drop constraint if exists refuse_every_row`);
});

describe("a database write that fails", () => {
  it("logs what failed, never what the visitor typed", async () => {
    const db = await getDb();
    // The insert reaches the database and is refused there, as a full disk or a lost connection would be.
    await db.execute(sql`alter table contact_message add constraint refuse_every_row check (false) not valid`);
    const marker = `marker${randomUUID().replaceAll("-", "")}`;
    const form = new FormData();
    for (const [name, value] of Object.entries({
      formKey: randomUUID(),
      website: "",
      name: `Jordan ${marker}`,
      email: `${marker}@example.com`,
      phone: "",
      preferredContact: "email",
      message: `Please call me back, ${marker}.`,
      consent: "yes",
    })) {
      form.set(name, value);
    }

    const lines = captureLogs();
    const state = await sendContactMessageAction({ status: "idle" } as never, form);
    vi.restoreAllMocks();

    expect(state).toMatchObject({ status: "invalid", formError: expect.stringMatching(/on our side/) });
    // The failure was logged, so the write was tried and its error seen...
    expect(lines.join("\n")).toMatch(/could not be stored: .*\(23514\)/);
    // ...and the marker is in no line.
    expect(lines.filter((line) => line.includes(marker))).toEqual([]);
  });
});
