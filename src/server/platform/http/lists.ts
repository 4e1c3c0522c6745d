import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { executeByShape, type PlanOptions } from '../../db/prepared';

/** Totals are exact up to this many rows; beyond it a list says "10,000+". */
export const EXACT_TOTAL_LIMIT = 10_000;

/**
 * Counting thousands of rows costs milliseconds on every page, more than the page itself. A total
 * below this is counted afresh each time (cheap, and a user adding a row to a short list sees the
 * count move at once); a larger one is reused for TOTAL_REUSE_MS per list (same statement, same
 * parameters, so the same user scope and filters), where a few seconds' lag is invisible.
 */
export const FRESH_TOTAL_BELOW = 1_000;
export const TOTAL_REUSE_MS = 30_000;
const MAX_REUSED_TOTALS = 5_000;

const dialect = new PgDialect();
/** Per database (tests run several in one process), statement + parameters → counted total. */
const reusedTotals = new WeakMap<Db, Map<string, { n: number; at: number }>>();

/**
 * The list convention's total without counting a hundred thousand rows on every page: count at
 * most one past the cap. `source` is the FROM … WHERE … part of the list's own query.
 */
export async function cappedTotal(db: Db, source: SQL, opts: PlanOptions = {}): Promise<{ total: number; totalExact: boolean }> {
  const key = totalKey(source);
  let totals = reusedTotals.get(db);
  if (!totals) reusedTotals.set(db, (totals = new Map()));
  const reused = totals.get(key);
  let n: number;
  if (reused && Date.now() - reused.at < TOTAL_REUSE_MS) n = reused.n;
  else {
    n = (await countCapped(db, source, opts))[0].n;
    totals.delete(key);
    // Oldest first out: a Map iterates in insertion order.
    if (totals.size >= MAX_REUSED_TOTALS) totals.delete(totals.keys().next().value!);
    if (n >= FRESH_TOTAL_BELOW) totals.set(key, { n, at: Date.now() });
  }
  const totalExact = n <= EXACT_TOTAL_LIMIT;
  return { total: totalExact ? n : EXACT_TOTAL_LIMIT, totalExact };
}

/** A large total counted for this list within the reuse window, if any (no query). */
export function reusedTotal(db: Db, source: SQL): number | undefined {
  const reused = reusedTotals.get(db)?.get(totalKey(source));
  return reused && Date.now() - reused.at < TOTAL_REUSE_MS ? reused.n : undefined;
}

/** The list's identity for reuse: its FROM … WHERE … with the values (the count around it never changes). */
const totalKey = (source: SQL) => {
  const built = dialect.sqlToQuery(source);
  return `${built.sql}\u0000${JSON.stringify(built.params)}`;
};

/**
 * The count as a statement prepared per shape of `source` (parsed and planned once; planned per
 * execution with `planEachExecution`, for a search whose plan depends on its term).
 */
function countCapped(db: Db, source: SQL, opts: PlanOptions) {
  return executeByShape(db, 'capped_count', { source }, (parts) => cappedCountQuery(db, parts.source), opts);
}

/** The statement behind cappedTotal (bench/http.ts hands it to its bare baseline). */
export function cappedCountQuery(db: Db, source: SQL) {
  return db.select({ n: sql<number>`count(*)::int` }).from(sql`(select 1 from ${source} limit ${sql.raw(String(EXACT_TOTAL_LIMIT + 1))}) as capped`);
}
