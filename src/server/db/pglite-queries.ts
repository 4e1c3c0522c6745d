import { parse, type PGlite, protocol, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

/** PGlite's query options, plus the name under which a statement prepared once (preparedOnce) is kept. */
export interface NamedQueryOptions extends QueryOptions {
  statementName?: string;
  /** Run the named statement with its generic plan (PlanOptions.genericPlan in prepared.ts). */
  genericPlan?: boolean;
}

type BackendMessages = Awaited<ReturnType<PGlite['execProtocolStream']>>;
type Query = (text: string, params?: unknown[], options?: NamedQueryOptions) => Promise<Results>;

const { serialize } = protocol;

/**
 * Faster queries on the embedded database. PGlite's own query() makes six calls into its
 * WebAssembly backend per query (Parse, Describe, Bind, Describe, Execute, Sync), each copying
 * and parsing its messages, and plans every query anew; planning asks each table and index for
 * its size, an fstat on disk each. Here a query is two calls (Parse and Describe; then Bind,
 * Describe, Execute and Sync), and a statement given a name (statementName) is parsed and planned
 * once and then costs one call. Measured on a 20-row customer page at 50,000 customers:
 * 1.7 ms per query before, 1.4 ms unnamed, 1.05 ms named.
 *
 * The same locking as PGlite's query(): a query outside a transaction waits for any open
 * transaction, a transaction's queries run in it; both take the one-query-at-a-time lock.
 * Results are parsed by PGlite's own parser, parameters serialised by its own serialisers.
 */
export function installFastQueries(pg: PGlite): void {
  const named = new Map<string, number[]>();
  const pgliteQuery = pg.query.bind(pg) as Query;
  const fast: Query = async (text, params = [], options = {}) => {
    // Files passed to COPY go through PGlite's own path.
    if (options.blob) return pgliteQuery(text, params, options);
    return pg._runExclusiveTransaction(() =>
      pg._runExclusiveQuery(async () => {
        const result = await runQuery(pg, named, text, params, options);
        await pg.syncToFs();
        return result;
      }),
    );
  };
  pg.query = fast as PGlite['query'];

  const pgliteTransaction = pg.transaction.bind(pg);
  pg.transaction = ((callback: (tx: Transaction) => Promise<unknown>) =>
    pgliteTransaction((tx) => {
      const txQuery = tx.query.bind(tx) as Query;
      tx.query = (async (text: string, params: unknown[] = [], options: NamedQueryOptions = {}) => {
        if (options.blob || tx.closed) return txQuery(text, params, options);
        return pg._runExclusiveQuery(() => runQuery(pg, named, text, params, options));
      }) as Transaction['query'];
      return callback(tx);
    })) as PGlite['transaction'];
}

async function runQuery(pg: PGlite, named: Map<string, number[]>, text: string, params: unknown[], options: NamedQueryOptions): Promise<Results> {
  const name = options.statementName;
  const send = (...messages: Uint8Array[]) => pg.execProtocolStream(concat(messages), { ...options, syncToFs: false });
  let messages: BackendMessages;
  try {
    let types = name ? named.get(name) : undefined;
    if (!types) {
      const described = await send(serialize.parse({ name, text, types: options.paramTypes }), serialize.describe({ type: 'S', name }), serialize.flush());
      types = parse.parseDescribeStatementResults(described);
      if (name) named.set(name, types);
    }
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = options.serializers?.[types[i]] ?? pg.serializers[types[i]];
      return serializer ? serializer(value) : String(value);
    });
    // The plan is chosen at Bind: the setting only around it. In a transaction a SET lasts until its
    // end, or is undone with it; the RESET after the statement (even a failed one) keeps it to this one.
    const generic = !!(name && options.genericPlan);
    if (generic) await send(serialize.query('set plan_cache_mode = force_generic_plan'));
    try {
      messages = await send(serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync());
    } finally {
      if (generic) await pg.execProtocolStream(serialize.query('reset plan_cache_mode'), { syncToFs: false, throwOnError: false });
    }
  } catch (error) {
    // After an error the backend ignores everything up to the next Sync.
    await pg.execProtocolStream(serialize.sync(), { syncToFs: false, throwOnError: false });
    throw error;
  }
  return parse.parseResults(messages, pg.parsers, options)[0];
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
