import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { installFastQueries } from './pglite-queries';
import { Changes, CHANGES_CHANNEL, type ChangeFeed } from './changes';

export type Schema = typeof schema;
/** A database handle or an open transaction: both run the same typed queries. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Run a statement with a session-level lock held on one connection (migrations, demo seeding). */
  withExclusiveLock<T>(key: number, fn: (db: Db) => Promise<T>): Promise<T>;
  /** Changes committed by any copy to tables that notify (db/changes.ts). */
  changes: ChangeFeed;
  ping(): Promise<void>;
  /** PGlite only: the whole data directory as one file, to open again with `pgliteImage`. */
  dumpImage?(): Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseOptions = {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: start from this data directory image (PGlite's dumpDataDir) instead of an empty one. */
  pgliteImage?: Blob;
  /** How often the listening connection is checked, and how long a check may take (tests shorten them). */
  listenerCheck?: ListenerCheck;
};
type ListenerCheck = { everyMs: number; timeoutMs: number };
/** A connection that dies without a word (a dropped NAT entry, a failover) is found out by this check. */
const LISTENER_CHECK: ListenerCheck = { everyMs: 10_000, timeoutMs: 5000 };

// Postgres hands back bigint and numeric as strings; ids and counts of ours fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.listenerCheck ?? LISTENER_CHECK) : openPglite(opts.dataDir, opts.pgliteImage);
}

async function openPglite(dataDir?: string, image?: Blob): Promise<Database> {
  let dir: string | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = new PGlite({ dataDir: dir, extensions: { pg_trgm, btree_gin }, loadDataDir: image });
  await client.waitReady;
  installFastQueries(client);
  // One process owns the data directory: nothing can change it unheard.
  const changes = new Changes(true);
  await client.listen(CHANGES_CHANNEL, (topic) => changes.notified(topic));
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    changes,
    // PGlite is one connection in this process; transactions already serialise everything.
    withExclusiveLock: (_key, fn) => fn(db),
    ping: async () => {
      await client.query('select 1');
    },
    dumpImage: () => client.dumpDataDir('none'),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number, listenerCheck: ListenerCheck): Promise<Database> {
  const changes = new Changes(false);
  const hear = (message: pg.Notification) => {
    if (message.channel === CHANGES_CHANNEL && message.payload) changes.notified(message.payload);
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    // A new client listens before the pool hands it out (a failed LISTEN ends it).
    onConnect: async (client) => {
      client.on('notification', hear);
      await client.query(`listen ${CHANGES_CHANNEL}`);
    },
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const listener = await keepListening(url, changes, hear, listenerCheck);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    changes,
    async withExclusiveLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn(drizzlePg({ client, schema }) as unknown as Db);
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

const RELISTEN_DELAY_MS = 1000;

/**
 * A connection that only listens, so that a copy whose pool is idle still hears changes. Reconnects
 * after a loss; `changes.live` is true exactly while it is listening.
 */
async function keepListening(url: string, changes: Changes, hear: (message: pg.Notification) => void, every: ListenerCheck) {
  let closed = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let check: NodeJS.Timeout | null = null;
  const connect = async () => {
    retry = null;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
    current = client;
    const lost = () => {
      if (current !== client) return;
      current = null;
      if (check) clearInterval(check);
      changes.setLive(false);
      client.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect(), RELISTEN_DELAY_MS);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', hear);
    try {
      await client.connect();
      await client.query(`listen ${CHANGES_CHANNEL}`);
      if (current !== client || closed) return;
      changes.setLive(true);
      check = setInterval(() => {
        const timeout = setTimeout(lost, every.timeoutMs);
        client.query('select 1').then(() => clearTimeout(timeout), lost);
      }, every.everyMs);
      check.unref();
    } catch {
      lost();
    }
  };
  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (check) clearInterval(check);
      const client = current;
      current = null;
      changes.setLive(false);
      if (client) await client.end().catch(() => {});
    },
  };
}

export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

