import { afterEach, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { dispatchOutbox } from "@/lib/email/dispatcher";
import { enqueueEmail } from "@/lib/email/outbox";
import type { EmailTransport } from "@/lib/email/transport";
import { checkHealth } from "@/lib/health";
import { beginShutdown, holdShutdownFor, resetShutdownForTests, shutdownSignal, shuttingDown } from "./shutdown";

afterEach(() => resetShutdownForTests());

async function queue(n: number) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const id = await enqueueEmail(tx, { to: `visitor${i}@example.com`, template: "contact-acknowledgement", props: {} });
      ids.push(id);
    }
    return ids;
  });
}

describe("stopping a server", () => {
  it("sends the row in hand, hands the rest of its claim back untouched, and claims nothing more", async () => {
    const ids = await queue(3);
    let sends = 0;
    const transport: EmailTransport = {
      name: "resend",
      send: async () => {
        sends += 1;
        // SIGTERM arrives during the first send.
        void beginShutdown();
        return { ok: true, providerId: `fake-${sends}` };
      },
      sendBatch: async () => ({ ok: true, providerIds: [] }),
    };
    const summary = await dispatchOutbox({ transport });
    expect(summary).toMatchObject({ claimed: 3, sent: 1 });
    expect(shuttingDown()).toBe(true);

    const db = await getDb();
    const rows = await db.select().from(outboxEmails).where(inArray(outboxEmails.id, ids));
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(1);
    const released = rows.filter((row) => row.status === "pending");
    expect(released).toHaveLength(2);
    // Released, not failed: no attempt counted, and due at once for another server.
    for (const row of released) expect(row).toMatchObject({ attempts: 0, lockedUntil: null });

    expect(await dispatchOutbox({ transport })).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
    expect(sends).toBe(1);
  });

  it("waits for held work, aborts the shutdown signal, and says so in /api/health", async () => {
    let finished = false;
    const held = holdShutdownFor(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      finished = true;
    });
    const drained = beginShutdown();
    expect(shutdownSignal().aborted).toBe(true);
    await drained;
    expect(finished).toBe(true);
    await held;
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "stopping", database: "ok", migrations: "current" });
  });
});

describe("checkHealth", () => {
  it("reports the migrations current and the outbox rows due, with the oldest's age", async () => {
    expect(await checkHealth()).toEqual({ status: "ok", database: "ok", migrations: "current", outbox: { due: 0, oldestDueSeconds: 0 } });
    const ids = await queue(2);
    const db = await getDb();
    await db
      .update(outboxEmails)
      .set({ nextAttemptAt: new Date(Date.now() - 90_000) })
      .where(inArray(outboxEmails.id, ids.slice(0, 1)));
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "ok", outbox: { due: 2 } });
    expect(health.status === "ok" && health.outbox.oldestDueSeconds).toBeGreaterThanOrEqual(89);
  });
});
