import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './client';
import { executeNamed } from './prepared';

/**
 * Several writes that do not depend on each other (an audit row, a timeline event, a cleanup
 * delete) as one statement: all but the last become data-modifying WITH items. A round trip to
 * PostgreSQL costs more than such a small write itself (on this kind of VM ~0.15 ms of the
 * server's CPU in the socket write alone, and as much again in PostgreSQL), and a customer write
 * made up to four of them after its main change.
 *
 * They run against one snapshot: none sees another's rows, so only for writes that need not.
 * Falsy entries are skipped, for writes that happen only sometimes.
 */
export async function writeTogether(db: Db, writes: (SQLWrapper | false | null | undefined)[]): Promise<void> {
  const statement = togetherStatement(writes);
  if (statement) await executeNamed(db, 'write_together', statement);
}

/** The one statement of writeTogether (null when there is nothing to write), for a caller that only compiles it (bench). */
export function togetherStatement(writes: (SQLWrapper | false | null | undefined)[]): SQL | null {
  const parts = writes.filter((w): w is SQLWrapper => !!w).map((w) => w.getSQL());
  if (!parts.length) return null;
  const last = parts.pop()!;
  if (!parts.length) return last;
  return sql`with ${withItems(parts)} ${last}`;
}

/** Statements as the items of a WITH: `w0 as (…), w1 as (…)`. */
const withItems = (parts: SQL[]) =>
  sql.join(
    parts.map((part, i) => sql`${sql.raw(`w${i}`)} as (${part})`),
    sql`, `,
  );

/**
 * An insert (whose RETURNING gives `id`) and the writes about its new row (an audit row, a
 * timeline event) as one statement: `about` receives the new id as SQL to write in their values.
 * Returns the new id. A create made two round trips of these: the insert, then the rest.
 */
export async function insertTogether(db: Db, insert: SQLWrapper, about: (newId: SQL<number>) => (SQLWrapper | false | null | undefined)[]): Promise<number> {
  const newId = sql<number>`(select id from w_new)`;
  const writes = about(newId)
    .filter((w): w is SQLWrapper => !!w)
    .map((w) => w.getSQL());
  const { rows } = await executeNamed<{ id: number | string }>(db, 'insert_together', sql`with w_new as (${insert.getSQL()})${writes.length ? sql`, ${withItems(writes)}` : sql``} select id from w_new`);
  // A bigint comes back as text from node-postgres.
  return Number(rows[0].id);
}
