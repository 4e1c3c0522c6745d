import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { companyDay, type JobDefinition } from './runner';

/**
 * Upkeep of the embedded database. PGlite runs PostgreSQL in single-user mode, which has no
 * autovacuum: without this job its planner statistics would never be gathered (plans made from
 * defaults however large the tables grow), dead rows would never be reclaimed and the visibility
 * map never set (a count would read every row's page instead of the index). Once a company day,
 * on the first tick of the day (just after midnight, or at the first start that day): VACUUM
 * (ANALYZE) of the whole database, about 3 s at 50,000 customers, during which other queries wait.
 */
const vacuumAnalyze: JobDefinition = {
  name: 'database.vacuum-analyze',
  period: companyDay,
  run: async (db) => {
    const started = Date.now();
    await db.execute(sql`vacuum (analyze)`);
    return { ms: Date.now() - started };
  },
};

/** The jobs this database needs from us: PostgreSQL's autovacuum does the same work itself. */
export function databaseJobs(database: Pick<Database, 'kind'>): JobDefinition[] {
  return database.kind === 'pglite' ? [vacuumAnalyze] : [];
}
