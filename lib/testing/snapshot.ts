import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/**
 * Every row of every table, as one comparable value: a call that "writes
 * nothing" leaves it equal, whether it would have inserted, updated or
 * deleted.
 */
export async function databaseSnapshot(): Promise<Record<string, unknown[]>> {
  const db = await getDb();
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)) as unknown as
    | { rows: { table_name: string }[] }
    | { table_name: string }[];
  const names = (Array.isArray(tables) ? tables : tables.rows).map((row) => row.table_name);
  const snapshot: Record<string, unknown[]> = {};
  for (const name of names) {
    const result = (await db.execute(sql`select to_jsonb(t)::text as row from ${sql.identifier(name)} t order by 1`)) as unknown as { rows: { row: string }[] } | { row: string }[];
    snapshot[name] = (Array.isArray(result) ? result : result.rows).map((row) => row.row);
  }
  return snapshot;
}

/** Text of every text, varchar and json column of every table, for "no row holds this address" checks. */
export async function rowsContaining(needle: string): Promise<{ table: string; column: string; count: number }[]> {
  const db = await getDb();
  const result = (await db.execute(
    sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb') order by 1, 2`,
  )) as unknown as { rows: { table_name: string; column_name: string }[] } | { table_name: string; column_name: string }[];
  const columns = Array.isArray(result) ? result : result.rows;
  const found: { table: string; column: string; count: number }[] = [];
  for (const { table_name, column_name } of columns) {
    const counted = (await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table_name)} where strpos(lower(${sql.identifier(column_name)}::text), ${needle.toLowerCase()}) > 0`,
    )) as unknown as { rows: { n: number }[] } | { n: number }[];
    const n = (Array.isArray(counted) ? counted : counted.rows)[0]!.n;
    if (n > 0) found.push({ table: table_name, column: column_name, count: n });
  }
  return found;
}
