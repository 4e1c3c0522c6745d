import { createHash } from 'node:crypto';
import { Column, getTableName, is, SQL, sql, type SQLWrapper } from 'drizzle-orm';
import { PgDialect, type PgSession } from 'drizzle-orm/pg-core';
import { PgliteSession } from 'drizzle-orm/pglite';
import type { Db } from './client';
import type { NamedQueryOptions } from './pglite-queries';

/**
 * Statements prepared once per database and shape. A list page's select is ~50 columns: building
 * its SQL in drizzle cost ~0.3 ms of Node per request, and PostgreSQL spent 0.6–2 ms more parsing
 * and planning it, more than running it. A named statement is parsed and planned once per
 * connection, then only bound and executed.
 */

interface Preparable<P> {
  prepare(name: string): P;
}

export interface PlanOptions {
  /**
   * Have PostgreSQL plan every execution for its values (only the SQL is built once). For a search,
   * whose best plan depends on how many rows its term matches: a plan made once for any term
   * would walk an index for a rare term the way it must for a common one.
   */
  planEachExecution?: boolean;
  /**
   * Keep the statement's one generic plan on the embedded database too. After five executions
   * PostgreSQL keeps a generic plan only if it does not look costlier than the plans made for each
   * execution's values; for a search it does (a term's matches are estimated from its text, a
   * parameter's are not), so it plans every search anew. On PostgreSQL at a million customers the
   * two estimates are close and the generic plan is kept; on PGlite at 50,000 the term's estimate is
   * far smaller, and planning there costs ~10 ms a search (WebAssembly). For statements whose shape
   * already fixes the plan (customer-dto.ts). Ignored on PostgreSQL.
   */
  genericPlan?: boolean;
}

/** Beyond this many shapes per driver a statement runs unnamed (PostgreSQL keeps each named plan per connection). */
const MAX_SHAPES = 300;
/** Per driver (its session class), the statements built so far with their names, each bound to whichever client built it. */
const statements = new WeakMap<object, Map<string, { prepared: object; name: string; genericPlan: boolean }>>();

/** What drizzle keeps behind a database handle or a transaction: the session and its driver client. */
type WithSession = { session: { client: unknown } };

/**
 * The prepared form of a statement whose SQL depends only on `key` (its values are drizzle
 * placeholders), built on first use and then run on `db`'s own connection: the root database or an
 * open transaction alike (a transaction's statements must run on its connection).
 */
export function preparedOnce<P extends object>(db: Db, key: string, build: () => Preparable<P>, opts: PlanOptions = {}): P {
  const session = (db as unknown as WithSession).session;
  let cache = statements.get(session.constructor);
  if (!cache) statements.set(session.constructor, (cache = new Map()));
  let found = cache.get(key);
  if (!found) {
    if (cache.size >= MAX_SHAPES) return withFastRows(build().prepare(''));
    // An unnamed statement is planned for the values of each execution.
    const name = opts.planEachExecution ? '' : `s_${createHash('sha1').update(key).digest('base64url').slice(0, 20)}`;
    found = { prepared: withFastRows(build().prepare(name)), name, genericPlan: !!opts.genericPlan };
    cache.set(key, found);
  }
  return boundTo(found.prepared as P, session, found.name, found.genericPlan);
}

/**
 * The statement run through the session's client: drizzle's prepared query reads its driver
 * client from `this.client` on each execution, so a view with its own client shares everything
 * else. Drizzle's PGlite driver drops the statement's name, so there the client is asked to keep
 * it (pglite-queries.ts).
 */
function boundTo<P extends object>(prepared: P, session: WithSession['session'], name: string, genericPlan: boolean): P {
  let client = session.client as { query(text: string, params?: unknown[], options?: NamedQueryOptions): unknown };
  if (name && is(session, PgliteSession)) {
    const pglite = client;
    client = { query: (text, params, options) => pglite.query(text, params, { ...options, statementName: name, genericPlan }) };
  } else if ((prepared as unknown as { client: unknown }).client === client) return prepared;
  return Object.create(prepared, { client: { value: client } }) as P;
}

/** What drizzle's prepared select keeps of its selection (drizzle-orm/pg-core/session). */
interface SelectInternals {
  fields?: { path: string[]; field: unknown }[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown[];
}
type Decoder = { mapFromDriverValue(value: unknown): unknown };

/**
 * Drizzle maps each field of each row through a chain of class checks (`is(field, Column)`, …):
 * for a 20-row page of ~45 fields that was a fifth of the request's CPU. A statement prepared
 * once can work that out once: each field's decoder and place in the result are fixed, so rows
 * are mapped by a plain loop (the same decoders, the same nested shape). Used only where every
 * nested object is a table that cannot be null (no left-joined table selected as an object),
 * the one case in which drizzle's mapping does more than this.
 */
function withFastRows<P>(prepared: P): P {
  const query = prepared as SelectInternals;
  const fields = query.fields;
  if (!fields || query.customResultMapper) return prepared;
  const notNullable = query.joinsNotNullableMap;
  const columns: { outer: string; inner?: string; decoder: Decoder }[] = [];
  for (const { path, field } of fields) {
    if (path.length > 2) return prepared;
    if (path.length === 2 && is(field, Column) && notNullable && notNullable[getTableName(field.table)] !== true) return prepared;
    const decoder = decoderOf(field);
    if (!decoder) return prepared;
    columns.push({ outer: path[0], inner: path[1], decoder });
  }
  query.customResultMapper = (rows) =>
    rows.map((row) => {
      const result: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) {
        const { outer, inner, decoder } = columns[i];
        const raw = row[i];
        const value = raw === null ? null : decoder.mapFromDriverValue(raw);
        if (inner === undefined) result[outer] = value;
        else ((result[outer] ??= {}) as Record<string, unknown>)[inner] = value;
      }
      return result;
    });
  return prepared;
}

/** A selected field's decoder (`decoder` is internal to drizzle's SQL); none for other kinds of field. */
function decoderOf(field: unknown): Decoder | undefined {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as { decoder: Decoder }).decoder;
  if (is(field, SQL.Aliased)) return (field.sql as unknown as { decoder: Decoder }).decoder;
  return undefined;
}

const dialect = new PgDialect();

/**
 * Run a statement built around SQL fragments that vary per request (a WHERE with the caller's
 * scope and filters, an ORDER BY) as a prepared statement per distinct shape: each fragment is
 * compiled on its own (cheap: a few conditions), its text becomes the cache key and its values the
 * statement's parameters. `build` receives the fragments with their values as placeholders; it is
 * called once per shape.
 *
 * Everything that changes the plan must be in the text: values the planner should see (LIMIT,
 * OFFSET) belong in the fragments as literals (sql.raw of a checked integer), since a generic plan
 * would otherwise have to guess them.
 */
export async function executeByShape<F extends string, R>(
  db: Db,
  name: string,
  fragments: Record<F, SQL>,
  build: (parts: Record<F, SQL>) => Preparable<{ execute(values: Record<string, unknown>): Promise<R> }>,
  opts: PlanOptions = {},
): Promise<R> {
  const compiled = Object.entries<SQL>(fragments).map(([part, fragment]) => ({ part: part as F, ...dialect.sqlToQuery(fragment) }));
  const key = `${name}\u0000${compiled.map((c) => `${c.part}\u0000${c.sql}`).join('\u0000')}`;
  const values: Record<string, unknown> = {};
  for (const c of compiled) c.params.forEach((value, i) => (values[`${c.part}_${i + 1}`] = value));
  const statement = preparedOnce(db, key, () => {
    const parts = {} as Record<F, SQL>;
    for (const c of compiled) parts[c.part] = withPlaceholders(c.part, c.sql, c.params.length);
    return build(parts);
  }, opts);
  return statement.execute(values);
}

/**
 * A whole statement (raw SQL or a builder's insert/update) as db.execute runs it, but prepared once
 * per distinct text under `name`, its values bound as parameters: for the small statements of a
 * write, which PostgreSQL otherwise parses and plans on every request. Planning the duplicate check
 * took 0.7 ms at a million customers where running it took 0.1 ms. Returns db.execute's result.
 */
export function executeNamed<R = Record<string, unknown>>(db: Db, name: string, statement: SQLWrapper): Promise<{ rows: R[] }> {
  const session = (db as unknown as { session: PgSession }).session;
  return executeByShape(db, name, { statement: statement.getSQL() }, (parts) => ({
    prepare: (statementName: string) => session.prepareQuery(dialect.sqlToQuery(parts.statement), undefined, statementName, false),
  })) as Promise<{ rows: R[] }>;
}

/** A compiled fragment's text with each `$n` turned back into a placeholder named `${part}_${n}`. */
function withPlaceholders(part: string, text: string, paramCount: number): SQL {
  const pieces = text.split(/\$(\d+)\b/);
  const chunks: SQL[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) chunks.push(sql.raw(pieces[i]));
    else {
      const n = Number(pieces[i]);
      if (!(n >= 1 && n <= paramCount)) throw new Error(`fragment ${part}: unexpected $${pieces[i]}`);
      chunks.push(sql`${sql.placeholder(`${part}_${n}`)}`);
    }
  }
  return sql.join(chunks);
}
