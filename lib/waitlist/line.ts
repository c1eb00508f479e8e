import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { EVENING_HOUR, NOON_HOUR } from "./wishes";

export type LineMatch = { startsAt: Date; entryId: string };

const rowsOf = <Row>(result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];

/**
 * For each free start, the first in line whose wishes fit it (one query:
 * each start looks down the line of its session type in order, using the
 * partial index on (session_type, position) of waiting entries). Someone
 * who holds an offer, or was offered that very time before and declined or
 * let it lapse, is passed over (an offer withdrawn when she was paused is not
 * held against her). Read in her zone: the weekday, the part of the
 * day (lib/waitlist/wishes.ts) and the first and last day.
 */
export async function firstInLine(executor: Database | Transaction, sessionType: string, starts: readonly Date[], now: Date): Promise<LineMatch[]> {
  if (starts.length === 0) return [];
  const list = sql.join(
    starts.map((start) => sql`${start.toISOString()}::timestamptz`),
    sql`, `,
  );
  const result = await executor.execute(sql`
    select s.starts_at as "startsAt", e.id as "entryId"
    from unnest(array[${list}]) as s(starts_at)
    cross join lateral (
      select e.id
      from waitlist_entry e
      cross join lateral (select s.starts_at at time zone e.time_zone as local) l
      where e.session_type = ${sessionType}
        and e.status = 'waiting'
        and e.expires_at > ${now.toISOString()}::timestamptz
        and (e.days & (1 << extract(dow from l.local)::int)) <> 0
        and (e.parts & (case when extract(hour from l.local) < ${NOON_HOUR} then 1 when extract(hour from l.local) < ${EVENING_HOUR} then 2 else 4 end)) <> 0
        and l.local::date >= e.earliest
        and (e.latest is null or l.local::date <= e.latest)
        and not exists (
          select 1 from waitlist_offer o
          where o.entry_id = e.id and (o.status = 'open' or (o.starts_at = s.starts_at and o.status in ('declined', 'lapsed')))
        )
      order by e.position
      limit 1
    ) e
    order by s.starts_at`);
  return rowsOf<{ startsAt: Date | string; entryId: string }>(result).map((row) => ({ startsAt: new Date(row.startsAt), entryId: row.entryId }));
}
