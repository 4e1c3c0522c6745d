import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client';

/** Totals are exact up to this many rows; beyond it a list says "10,000+". */
export const EXACT_TOTAL_LIMIT = 10_000;

/**
 * The list convention's total without counting a hundred thousand rows on every page: count at
 * most one past the cap. `source` is the FROM … WHERE … part of the list's own query.
 */
export async function cappedTotal(db: Db, source: SQL): Promise<{ total: number; totalExact: boolean }> {
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from ${source} limit ${EXACT_TOTAL_LIMIT + 1}) as capped`);
  const totalExact = n <= EXACT_TOTAL_LIMIT;
  return { total: totalExact ? n : EXACT_TOTAL_LIMIT, totalExact };
}
