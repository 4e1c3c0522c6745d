import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rows } from '../../db/client';
import { createTestDatabase } from '../../testing/database';
import { departments } from '../org/schema';
import { databaseJobs } from './maintenance';
import { runJobOnce } from './runner';

let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ database, close } = await createTestDatabase());
});
afterAll(() => close?.());

const silent = { info: () => {}, error: () => {} };
const estimatedRows = async (table: string) =>
  (await rows<{ n: number }>(database.db, sql`select reltuples::int as n from pg_class where relname = ${table}`))[0].n;

describe('database upkeep', () => {
  it('on PGlite gathers statistics once a day, which single-user PostgreSQL never does by itself', async () => {
    const jobs = databaseJobs(database);
    if (database.kind === 'postgres') {
      // PostgreSQL's autovacuum does it.
      expect(jobs).toEqual([]);
      return;
    }
    await database.db.insert(departments).values(Array.from({ length: 37 }, (_, i) => ({ name: `部门${i}` })));
    expect(await estimatedRows('departments')).toBe(-1);
    const now = new Date('2026-03-01T18:00:00Z');
    const [job] = jobs;
    expect(await runJobOnce(database.db, job, now, silent)).toMatchObject({ status: 'done' });
    expect(await estimatedRows('departments')).toBe(37);
    // Once per company day.
    expect(await runJobOnce(database.db, job, new Date('2026-03-01T19:00:00Z'), silent)).toEqual({ status: 'skipped' });
  });
});
