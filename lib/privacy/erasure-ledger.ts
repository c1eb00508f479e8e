import "server-only";
import { createHash } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { recordAuditEvent } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { personErasers } from "./erasers";

/**
 * The list of people erased, kept outside the database on purpose: restoring
 * last night's dump brings back everyone erased since, and with them any
 * record of the erasure kept in the same database. One line an erasure,
 * "<sha-256 of the address> <when>", never the address itself.
 */
export function erasureFingerprint(address: string): string {
  return createHash("sha256").update(`attune-erasure:${address.trim().toLowerCase()}`).digest("hex");
}

/** Appends and flushes before the erasure commits: an erasure the list does not hold could come back. */
export function recordErasure(address: string, at = new Date()) {
  const file = env().ERASURES_FILE;
  mkdirSync(path.dirname(file), { recursive: true });
  // O_APPEND: two servers appending a line each never interleave.
  const fd = openSync(file, "a", 0o600);
  try {
    writeSync(fd, `${erasureFingerprint(address)} ${at.toISOString()}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Each fingerprint on the list with its latest erasure. */
export function listedErasures(): Map<string, Date> {
  const file = env().ERASURES_FILE;
  const listed = new Map<string, Date>();
  if (!existsSync(file)) return listed;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [fingerprint, when] = line.split(" ");
    const at = new Date(when ?? "");
    if (!fingerprint || !/^[0-9a-f]{64}$/.test(fingerprint) || Number.isNaN(at.getTime())) continue;
    if (!(listed.get(fingerprint)! > at)) listed.set(fingerprint, at);
  }
  return listed;
}

/**
 * Erases again whatever a restored backup brought back of the people on the
 * list: only rows written up to their erasure, since someone who wrote again
 * afterwards chose to. The addresses held are hashed here rather than in SQL:
 * a practice holds a few thousand at most, and PGlite has no pgcrypto.
 * Returns how many people were found and the rows deleted.
 */
export async function reapplyErasures(): Promise<{ people: number; erased: Record<string, number> }> {
  const listed = listedErasures();
  const erased: Record<string, number> = {};
  if (listed.size === 0) return { people: 0, erased };
  const db = await getDb();
  const result = await db.execute(sql`
    select lower(trim(email)) as address from contact_message
    union select lower(trim(email)) from booking
    union select lower(trim(email)) from subscriber
    union select lower(trim(email)) from waitlist_entry
    union select lower(trim(recipient)) from outbox_email`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { address: string }[];
  const people = rows.flatMap((row) => {
    const erasedAt = listed.get(erasureFingerprint(row.address));
    return erasedAt ? [{ address: row.address, erasedAt }] : [];
  });
  if (people.length === 0) return { people: 0, erased };
  let found = 0;
  await db.transaction(async (tx) => {
    for (const { address, erasedAt } of people) {
      let rowsOfThisPerson = 0;
      for (const eraser of personErasers) {
        const n = await eraser.erase(tx, address, erasedAt);
        erased[eraser.name] = (erased[eraser.name] ?? 0) + n;
        rowsOfThisPerson += n;
      }
      if (rowsOfThisPerson > 0) found += 1;
    }
    if (found > 0) await recordAuditEvent(tx, { actor: null, action: "erase", subjectType: "person", detail: { ...erased, reapplied: found } });
  });
  return { people: found, erased };
}
