import "server-only";
import { sql } from "drizzle-orm";
import { type Database, type Transaction, getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";
import { keyedHash } from "./hash";

export type RateLimitRule = { name: string; max: number; windowSeconds: number };

/**
 * Counts one hit against `rule` for `subject` and says whether it is within the
 * limit. The count is one atomic upsert, so concurrent requests from many
 * server processes cannot all slip under it; a fixed window is enough for
 * forms a person fills in by hand. Given a transaction, the count is part of
 * it: rolled back with the work it limits.
 */
export async function hitRateLimit(rule: RateLimitRule, subject: string, now = new Date(), executor?: Database | Transaction): Promise<boolean> {
  const db = executor ?? (await getDb());
  const key = keyedHash(env().RATE_LIMIT_SALT, `${rule.name}:${subject}`);
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000);
  const expiresAt = new Date(now.getTime() + rule.windowSeconds * 1000);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStartedAt: now, expiresAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStartedAt} end`,
        expiresAt: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz then ${expiresAt.toISOString()}::timestamptz else ${rateLimits.expiresAt} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? Number.POSITIVE_INFINITY) <= rule.max;
}

/** Removes counters whose window has passed; run by the periodic sweep. */
export async function purgeExpiredRateLimits(now = new Date()) {
  const db = await getDb();
  await db.delete(rateLimits).where(sql`${rateLimits.expiresAt} < ${now.toISOString()}::timestamptz`);
}
