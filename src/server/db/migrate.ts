import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** Lock keys for work that must run once across all copies of the process. */
export const LOCK_KEYS = { migrate: 731001, bootstrap: 731002, demo: 731003 } as const;

/** Apply the committed SQL migrations. Copies starting together on one PostgreSQL take turns. */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.withExclusiveLock(LOCK_KEYS.migrate, async (db) => {
    if (database.kind === 'pglite') await migratePglite(db as never, { migrationsFolder });
    else await migratePg(db as never, { migrationsFolder });
  });
}
