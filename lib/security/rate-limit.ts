import "server-only";
import { sql } from "drizzle-orm";
import { type Database, type Transaction, getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";
import { clientNetwork } from "./client-network";
import { keyedHash } from "./hash";

/**
 * `max` hits in any `windowSeconds`. A per-IP rule may give the client's
 * group (client-network.ts) its own larger budget, `groupMax`; four times
 * `max` unless said.
 */
export type RateLimitRule = { name: string; max: number; windowSeconds: number; groupMax?: number };

/** How many clients' worth a group (an IPv4 /24, an IPv6 /48) may spend: a household or office, not a provider. */
export const GROUP_BUDGET_FACTOR = 4;

/**
 * Counts one hit against `rule` for `subject` and says whether it is within the
 * limit. A sliding log: the row keeps the times of the allowed hits still
 * inside the window, so `max` an hour is at most `max` in any hour, never
 * twice that across a window's edge. A refused hit is not kept, so a script
 * that keeps knocking still gets no more than `max`, and a person who waits
 * gets in when the oldest hit leaves the window. The count is one atomic
 * upsert (the conflicting row is locked while its log is rewritten), so
 * concurrent requests from many server processes cannot all slip under it.
 * Given a transaction, the count is part of it: rolled back with the work it
 * limits.
 */
export async function hitRateLimit(rule: RateLimitRule, subject: string, now = new Date(), executor?: Database | Transaction): Promise<boolean> {
  return hit(rule.name, rule.max, rule.windowSeconds, subject, now, executor);
}

/**
 * Counts one hit from the client at `ip` against both its client (an IPv4
 * address, an IPv6 /64) and its group (the /24 or /48 around it), so a script
 * cannot become many clients by walking the addresses of its own network.
 * The group is counted only for a hit the client's own budget allows.
 */
export async function hitClientRateLimit(rule: RateLimitRule, ip: string, now = new Date(), executor?: Database | Transaction): Promise<boolean> {
  const { client, group } = clientNetwork(ip);
  if (!(await hit(rule.name, rule.max, rule.windowSeconds, client, now, executor))) return false;
  if (group === null) return true;
  return hit(`${rule.name}:group`, rule.groupMax ?? rule.max * GROUP_BUDGET_FACTOR, rule.windowSeconds, group, now, executor);
}

async function hit(name: string, max: number, windowSeconds: number, subject: string, now: Date, executor?: Database | Transaction): Promise<boolean> {
  const db = executor ?? (await getDb());
  const key = keyedHash(env().RATE_LIMIT_SALT, `${name}:${subject}`);
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - windowSeconds * 1000).toISOString()}::timestamptz`;
  const expiresAt = new Date(now.getTime() + windowSeconds * 1000);
  // The hits of the existing row still inside the window, oldest first.
  const inWindow = sql`array(select hit from unnest(${rateLimits.hits}) as hit where hit > ${windowStart} order by hit)`;
  const room = sql`cardinality(${inWindow}) < ${max}`;
  const allowedFirst = max >= 1;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, hits: allowedFirst ? sql`array[${at}]` : sql`'{}'::timestamptz[]`, lastHitAllowed: allowedFirst, expiresAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${room} then ${inWindow} || ${at} else ${inWindow} end`,
        lastHitAllowed: room,
        expiresAt,
      },
    })
    .returning({ allowed: rateLimits.lastHitAllowed });
  return row?.allowed ?? false;
}

/**
 * Takes back the hit counted at `now` for `subject`: for a limit that counts
 * only failures, where whether a try failed is known only after it was let
 * through. Given the transaction that counted it, the row is still locked by
 * that count, so no other try slips in between.
 */
export async function takeBackRateLimitHit(rule: RateLimitRule, subject: string, now: Date, executor?: Database | Transaction) {
  const db = executor ?? (await getDb());
  const key = keyedHash(env().RATE_LIMIT_SALT, `${rule.name}:${subject}`);
  await db
    .update(rateLimits)
    .set({ hits: sql`array_remove(${rateLimits.hits}, ${now.toISOString()}::timestamptz)` })
    .where(sql`${rateLimits.key} = ${key}`);
}

/** Removes counters whose every hit has left the window; run by the periodic sweep. */
export async function purgeExpiredRateLimits(now = new Date()) {
  const db = await getDb();
  await db.delete(rateLimits).where(sql`${rateLimits.expiresAt} < ${now.toISOString()}::timestamptz`);
}
